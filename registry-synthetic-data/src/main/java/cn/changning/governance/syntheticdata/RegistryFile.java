package cn.changning.governance.syntheticdata;

import java.util.List;

/** The import's files, in the order they must be imported (a file only names rows of files before it). */
public enum RegistryFile {
    ORGANIZATIONS("organizations", "code,name,kind,level,parentCode,streetCode,residentialAreaCode,foundedOn"),
    BUILDINGS("buildings", "code,name,streetCode,residentialAreaCode,floors"),
    RESIDENT_UNITS("resident-units", "creditCode,name,category,streetCode,residentialAreaCode,buildingCode,employees"),
    YOUTH_LEAGUE_ORGANIZATIONS("youth-league-organizations", "code,name,streetCode,unitCreditCode,members"),
    TRADE_UNIONS("trade-unions", "code,name,streetCode,unitCreditCode,members"),
    MEMBERS("members", "identityNumber,name,gender,phone,address,organizationCode,category,joinedOn"),
    POLICE_OFFICERS("police-officers", "badgeNumber,name,identityNumber,residentialAreaCode,inPostFrom,joinedPartyOn"),
    AREA_SECRETARIES("area-secretaries", "residentialAreaCode,name,identityNumber,careerEstablishment,appointedOn"),
    PARTY_WORKERS("party-workers", "staffNumber,name,streetCode,fullTime");

    private final String kind;
    private final String header;

    RegistryFile(String kind, String header) {
        this.kind = kind;
        this.header = header;
    }

    /** The import's {@code kind} parameter. */
    public String kind() {
        return kind;
    }

    public String fileName() {
        return kind + ".csv";
    }

    public String header() {
        return header;
    }

    public List<String> columns() {
        return List.of(header.split(","));
    }
}
