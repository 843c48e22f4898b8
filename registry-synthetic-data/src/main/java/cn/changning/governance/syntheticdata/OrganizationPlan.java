package cn.changning.governance.syntheticdata;

import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.syntheticdata.DistrictPlaces.Street;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The party organisations, parents before children: per street a working committee (a GOVERNMENT_BODY
 * committee, the root) with the police station's branch; per residential area a general branch with its branches;
 * then office-building, resident-unit, "two new" and government-body organisations as committees, general branches
 * and branches under the street's committee. Kept in memory (6,800 rows) since members name them.
 */
final class OrganizationPlan {

    record PlannedOrganization(String code, String name, String kind, String level, String parentCode,
                               String streetCode, String areaCode, LocalDate foundedOn, double memberWeight) {
    }

    private static final String[] DEPARTMENTS = {"教育局", "卫生健康委员会", "民政局", "市场监督管理局", "房屋管理局",
            "绿化和市容管理局", "城市管理行政执法局", "司法局", "人力资源和社会保障局", "文化和旅游局", "体育局",
            "统计局", "财政局", "发展和改革委员会", "生态环境局", "退役军人事务局"};
    private static final String[] OTHER_KINDS = {"OFFICE_BUILDING", "RESIDENT_UNIT", "TWO_NEW", "GOVERNMENT_BODY"};
    private static final double[] OTHER_SHARES = {0.14, 0.43, 0.355, 0.075};

    private final SeededRandom random;
    private final DistrictPlaces places;
    private final List<UnitPlan.PlannedBuilding> buildings;
    private final List<PlannedOrganization> organizations = new ArrayList<>();
    private final Map<String, Integer> serials = new HashMap<>();
    private final Map<String, PlannedOrganization> streetCommittees = new HashMap<>();
    private final Map<String, PlannedOrganization> policeBranches = new HashMap<>();

    private final int serialOffset;

    OrganizationPlan(DistrictPlaces places, List<UnitPlan.PlannedBuilding> buildings, long seed, int total,
                     int serialOffset) {
        this.serialOffset = serialOffset;
        this.random = SeededRandom.forPurpose(seed, "organizations");
        this.places = places;
        this.buildings = buildings;
        List<Street> streets = places.streets();
        int fixed = streets.size() * 2 + places.areas().size();
        int residentialBranches = (int) Math.round(total * 0.2176);
        int rest = total - fixed - residentialBranches;
        if (rest < OTHER_KINDS.length) {
            throw new IllegalArgumentException("too few organisations for the streets and areas: " + total);
        }
        for (Street s : streets) {
            String committee = s.subdistrict().kind().name().equals("TOWN")
                    ? "中共长宁区" + s.subdistrict().nameZh() + "委员会"
                    : "中共长宁区" + s.subdistrict().nameZh() + "工作委员会";
            PlannedOrganization root = add(committee, "GOVERNMENT_BODY", "COMMITTEE", null, s, "",
                    Dates.inYears(random, 1955, 1995), 8);
            streetCommittees.put(s.code(), root);
            policeBranches.put(s.code(), add("中共长宁公安分局" + s.shortName() + "派出所支部委员会", "GOVERNMENT_BODY",
                    "BRANCH", root, s, "", Dates.inYears(random, 1980, 2005), 8));
        }
        int[] branchesPerArea = Dates.apportion(residentialBranches, places.areas().stream()
                .mapToDouble(a -> 0.6 + random.nextDouble()).toArray());
        for (int i = 0; i < places.areas().size(); i++) {
            ResidentialArea area = places.areas().get(i);
            Street s = places.street(area.subdistrictCode());
            PlannedOrganization general = add("中共" + area.nameZh() + "总支部委员会", "RESIDENTIAL_AREA",
                    "GENERAL_BRANCH", streetCommittees.get(s.code()), s, area.code(), Dates.inYears(random, 1985, 2012), 4);
            for (int b = 1; b <= branchesPerArea[i]; b++) {
                add("中共" + area.nameZh() + "第" + b + "支部委员会", "RESIDENTIAL_AREA", "BRANCH", general, s,
                        area.code(), Dates.inYears(random, 1990, 2024), 70);
            }
        }
        int[] perKind = Dates.apportion(rest, OTHER_SHARES);
        for (int k = 0; k < OTHER_KINDS.length; k++) {
            int left = perKind[k];
            while (left > 0) {
                left -= cluster(OTHER_KINDS[k], left);
            }
        }
    }

    /** One organisation with its children, at most {@code budget} rows; returns how many were made. */
    private int cluster(String kind, int budget) {
        Street street = places.weightedStreet(random);
        PlannedOrganization root = streetCommittees.get(street.code());
        String base = baseName(kind, street);
        double r = random.nextDouble();
        double branchWeight = switch (kind) {
            case "OFFICE_BUILDING" -> 10;
            case "RESIDENT_UNIT" -> 22;
            case "TWO_NEW" -> 7;
            default -> 25;
        };
        if (budget >= 8 && r < 0.05) {
            PlannedOrganization committee = add("中共" + base + "委员会", kind, "COMMITTEE", root, street, "",
                    Dates.inYears(random, 1960, 2010), 3);
            int made = 1;
            int generals = random.between(1, 3);
            for (int g = 1; g <= generals && made < budget; g++) {
                PlannedOrganization general = add("中共" + base + "第" + g + "总支部委员会", kind, "GENERAL_BRANCH",
                        committee, street, "", Dates.inYears(random, 1975, 2018), 3);
                made++;
                int branches = random.between(2, 5);
                for (int b = 1; b <= branches && made < budget; b++) {
                    add("中共" + base + "第" + g + "总支第" + b + "支部委员会", kind, "BRANCH", general, street, "",
                            Dates.inYears(random, 1985, 2024), branchWeight);
                    made++;
                }
            }
            int direct = random.between(0, 3);
            for (int b = 1; b <= direct && made < budget; b++) {
                add("中共" + base + "直属第" + b + "支部委员会", kind, "BRANCH", committee, street, "",
                        Dates.inYears(random, 1985, 2024), branchWeight);
                made++;
            }
            return made;
        }
        if (budget >= 3 && r < 0.35) {
            PlannedOrganization general = add("中共" + base + "总支部委员会", kind, "GENERAL_BRANCH", root, street, "",
                    Dates.inYears(random, 1980, 2020), 3);
            int made = 1;
            int branches = random.between(2, 6);
            for (int b = 1; b <= branches && made < budget; b++) {
                add("中共" + base + "第" + b + "支部委员会", kind, "BRANCH", general, street, "",
                        Dates.inYears(random, 1985, 2025), branchWeight);
                made++;
            }
            return made;
        }
        add("中共" + base + "支部委员会", kind, "BRANCH", root, street, "", Dates.inYears(random, 1990, 2025),
                branchWeight);
        return 1;
    }

    private String baseName(String kind, Street street) {
        return switch (kind) {
            case "OFFICE_BUILDING" -> {
                List<UnitPlan.PlannedBuilding> inStreet = buildings.stream()
                        .filter(b -> b.streetCode().equals(street.code())).toList();
                yield (inStreet.isEmpty() ? UnitPlan.brand(random) + "大厦" : random.pick(inStreet).name()) + "联合";
            }
            case "RESIDENT_UNIT" -> "上海" + UnitPlan.brand(random)
                    + random.pick(List.of("集团有限公司", "实业有限公司", "医院", "中学", "研究所"));
            case "TWO_NEW" -> "上海" + UnitPlan.brand(random)
                    + random.pick(List.of("科技有限公司", "贸易有限公司", "咨询有限公司", "社会工作服务社", "养老服务中心"));
            default -> "长宁区" + DEPARTMENTS[random.nextInt(DEPARTMENTS.length)] + "机关";
        };
    }

    private PlannedOrganization add(String name, String kind, String level, PlannedOrganization parent, Street street,
                                    String areaCode, LocalDate foundedOn, double memberWeight) {
        int serial = serials.merge(street.code(), 1, Integer::sum);
        LocalDate founded = parent != null && foundedOn.isBefore(parent.foundedOn()) ? parent.foundedOn() : foundedOn;
        PlannedOrganization o = new PlannedOrganization(street.code() + "-%04d".formatted(serialOffset + serial), name, kind, level,
                parent == null ? null : parent.code(), street.code(), areaCode, founded, memberWeight);
        organizations.add(o);
        return o;
    }

    List<PlannedOrganization> organizations() {
        return organizations;
    }

    PlannedOrganization policeBranch(String streetCode) {
        return policeBranches.get(streetCode);
    }

    long write(Path file) throws IOException {
        try (CsvOut out = new CsvOut(file, RegistryFile.ORGANIZATIONS.header())) {
            for (PlannedOrganization o : organizations) {
                out.row(o.code(), o.name(), o.kind(), o.level(), o.parentCode(), o.streetCode(), o.areaCode(),
                        o.foundedOn());
            }
            return out.rows();
        }
    }
}
