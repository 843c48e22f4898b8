package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.area.AppointAreaSecretary;
import cn.changning.governance.partyregistry.domain.area.AreaSecretaryIds;
import cn.changning.governance.partyregistry.domain.area.AssignCommunityPoliceOfficer;
import cn.changning.governance.partyregistry.domain.member.IdentityNumbers;
import cn.changning.governance.partyregistry.domain.member.RegisterPartyMember;
import cn.changning.governance.partyregistry.domain.police.RegisterCommunityPoliceOfficer;
import cn.changning.governance.partyregistry.domain.worker.RegisterPartyWorker;
import cn.changning.governance.partyregistry.importing.PendingRow.Prepared;
import cn.changning.governance.partyregistry.importing.PendingRow.Reference;
import cn.changning.governance.reference.geography.ResidentialArea;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Members, police officers, area secretaries and party workers: their personal values are sealed (a batch per
 * chunk) before they enter a command, and a person is known by the keyed pseudonym of the identity number.
 */
final class PeopleRows {

    static final String MEMBER_PSEUDONYM = "party-member";
    private static final int MAX_NAME = 50;
    private static final int MAX_ADDRESS = 200;
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
    private static final int MINIMUM_AGE = 18;

    private final PersonalData personalData;

    PeopleRows(PersonalData personalData) {
        this.personalData = personalData;
    }

    KindRows members() {
        return (row, number, hash) -> {
            String identity = row.identityNumber("identityNumber");
            String name = row.required("name", MAX_NAME);
            Gender gender = row.choice("gender", Gender.class);
            String phone = row.optional("phone", 20);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                row.reject("phone", "not a mobile (11 digits from 13-19) or district (0xx-xxxxxxxx) number");
            }
            String address = row.optional("address", MAX_ADDRESS);
            String organizationCode = row.required("organizationCode", 40);
            PartyMemberCategory category = row.choice("category", PartyMemberCategory.class);
            LocalDate joinedOn = row.date("joinedOn", true);
            IdentityNumbers.Facts facts = identity == null ? null : IdentityNumbers.read(identity);
            if (facts != null && gender != null && facts.gender() != gender) {
                row.reject("gender", "does not match the identity number's gender digit");
            }
            if (facts != null && joinedOn != null && joinedOn.getYear() - facts.birthDate().getYear() < MINIMUM_AGE) {
                row.reject("joinedOn", "members are admitted from the age of " + MINIMUM_AGE);
            }
            if (!row.ok()) {
                return null;
            }
            String pseudonym = personalData.pseudonym(MEMBER_PSEUDONYM, identity);
            String memberId = RegistryIds.member(pseudonym);
            Reference organization = new Reference(ImportKind.ORGANIZATIONS, organizationCode, "organizationCode", true,
                    "unknown organisation code " + organizationCode);
            return new PendingRow(number, pseudonym, hash, List.of(organization), resolved -> {
                PendingRow.LedgerEntry org = resolved.entry(organization);
                String subject = RegistryIds.memberSubject(memberId);
                PersonalData.Batch seal = resolved.sealing();
                return Prepared.of(memberId, org.streetCode(), org.areaCode(), new RegisterPartyMember(memberId,
                        org.aggregateId(), seal.seal(subject, "member.name", name),
                        seal.seal(subject, "member.identityNumber", identity), sealed(seal, subject, "member.phone", phone),
                        sealed(seal, subject, "member.address", address), facts.gender(), facts.birthDate().getYear(),
                        category, joinedOn, org.streetCode(), org.areaCode()));
            });
        };
    }

    KindRows policeOfficers() {
        return (row, number, hash) -> {
            String badge = row.required("badgeNumber", 20);
            String name = row.required("name", MAX_NAME);
            String identity = row.identityNumber("identityNumber");
            ResidentialArea area = row.area("residentialAreaCode", null, true);
            LocalDate inPostFrom = row.date("inPostFrom", true);
            LocalDate joinedPartyOn = row.date("joinedPartyOn", false);
            if (!row.ok()) {
                return null;
            }
            String officerId = RegistryIds.officer(badge);
            // The officer who is a party member is linked to the membership by the identity number's pseudonym.
            Reference member = new Reference(ImportKind.MEMBERS, personalData.pseudonym(MEMBER_PSEUDONYM, identity),
                    "identityNumber", joinedPartyOn != null,
                    "the officer joined the party (joinedPartyOn) but no member with this identity number was imported: "
                            + "import members.csv first");
            String street = area.subdistrictCode();
            return new PendingRow(number, badge, hash, List.of(member), resolved -> {
                PendingRow.LedgerEntry membership = resolved.entry(member);
                SealedValue sealedName = resolved.sealing().seal(RegistryIds.officerSubject(officerId), "officer.name", name);
                return Prepared.of(officerId, street, area.code(),
                        new RegisterCommunityPoliceOfficer(officerId, badge, sealedName,
                                membership == null ? null : membership.aggregateId(), joinedPartyOn, street),
                        new AssignCommunityPoliceOfficer(area.code(), officerId, inPostFrom));
            });
        };
    }

    KindRows areaSecretaries() {
        return (row, number, hash) -> {
            ResidentialArea area = row.area("residentialAreaCode", null, true);
            String name = row.required("name", MAX_NAME);
            String identity = row.identityNumber("identityNumber");
            Boolean career = row.bool("careerEstablishment");
            LocalDate appointedOn = row.date("appointedOn", true);
            if (!row.ok()) {
                return null;
            }
            String secretaryId = AreaSecretaryIds.secretaryId(
                    personalData.pseudonym(AreaSecretaryIds.PSEUDONYM_PURPOSE, identity));
            int birthYear = IdentityNumbers.read(identity).birthYear();
            return new PendingRow(number, area.code() + "/" + secretaryId, hash, List.of(), resolved -> Prepared.of(
                    secretaryId, area.subdistrictCode(), area.code(), new AppointAreaSecretary(area.code(), secretaryId,
                            resolved.sealing().seal(AreaSecretaryIds.subject(secretaryId), AreaSecretaryIds.NAME_FIELD, name), birthYear,
                            career, appointedOn)));
        };
    }

    KindRows partyWorkers() {
        return (row, number, hash) -> {
            String staffNumber = row.required("staffNumber", 40);
            String name = row.required("name", MAX_NAME);
            String street = row.street("streetCode");
            Boolean fullTime = row.bool("fullTime");
            if (!row.ok()) {
                return null;
            }
            String workerId = RegistryIds.worker(staffNumber);
            return new PendingRow(number, staffNumber, hash, List.of(), resolved -> Prepared.of(workerId, street, null,
                    new RegisterPartyWorker(workerId, staffNumber,
                            resolved.sealing().seal(RegistryIds.workerSubject(workerId), "worker.name", name), street,
                            fullTime)));
        };
    }

    private static SealedValue sealed(PersonalData.Batch batch, String subject, String field, String clear) {
        return clear == null ? null : batch.seal(subject, field, clear);
    }
}
