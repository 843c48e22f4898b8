package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.contracts.registry.PartyOrganizationKind;
import cn.changning.governance.contracts.registry.PartyOrganizationLevel;
import cn.changning.governance.contracts.registry.ResidentUnitCategory;
import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.partyregistry.domain.building.RegisterBuilding;
import cn.changning.governance.partyregistry.domain.organization.RegisterPartyOrganization;
import cn.changning.governance.partyregistry.domain.tradeunion.RegisterTradeUnion;
import cn.changning.governance.partyregistry.domain.unit.RegisterResidentUnit;
import cn.changning.governance.partyregistry.domain.youth.RegisterYouthLeagueOrganization;
import cn.changning.governance.partyregistry.importing.PendingRow.Prepared;
import cn.changning.governance.partyregistry.importing.PendingRow.Reference;
import cn.changning.governance.reference.geography.ResidentialArea;
import java.time.LocalDate;
import java.util.List;

/** Organisations, buildings, resident units, youth-league organisations and trade unions: rows without personal data. */
final class PlaceRows {

    private static final int MAX_CODE = 40;
    private static final int MAX_NAME = 200;

    private PlaceRows() {
    }

    static KindRows organizations() {
        return (row, number, hash) -> {
            String code = row.required("code", MAX_CODE);
            String name = row.required("name", MAX_NAME);
            PartyOrganizationKind kind = row.choice("kind", PartyOrganizationKind.class);
            PartyOrganizationLevel level = row.choice("level", PartyOrganizationLevel.class);
            String parentCode = row.optional("parentCode", MAX_CODE);
            String street = row.street("streetCode");
            ResidentialArea area = row.area("residentialAreaCode", street, kind == PartyOrganizationKind.RESIDENTIAL_AREA);
            LocalDate foundedOn = row.date("foundedOn", false);
            if (level != null && level != PartyOrganizationLevel.COMMITTEE && parentCode == null) {
                row.reject("parentCode", "a " + level + " has a parent organisation");
            }
            if (code != null && code.equals(parentCode)) {
                row.reject("parentCode", "an organisation is not its own parent");
            }
            if (!row.ok()) {
                return null;
            }
            List<Reference> refs = parentCode == null ? List.of() : List.of(new Reference(ImportKind.ORGANIZATIONS,
                    parentCode, "parentCode", true, "unknown organisation code " + parentCode
                    + " (a parent is imported before its children)"));
            String areaCode = area == null ? null : area.code();
            String id = RegistryIds.organization(code);
            return new PendingRow(number, code, hash, refs, resolved -> {
                String parentId = refs.isEmpty() ? null : resolved.entry(refs.get(0)).aggregateId();
                return Prepared.of(id, street, areaCode, new RegisterPartyOrganization(id, code, name, kind, level,
                        parentId, street, areaCode, foundedOn));
            });
        };
    }

    static KindRows buildings() {
        return (row, number, hash) -> {
            String code = row.required("code", MAX_CODE);
            String name = row.required("name", MAX_NAME);
            String street = row.street("streetCode");
            ResidentialArea area = row.area("residentialAreaCode", street, false);
            int floors = row.integer("floors", 1, 200);
            if (!row.ok()) {
                return null;
            }
            String id = RegistryIds.building(code);
            String areaCode = area == null ? null : area.code();
            return new PendingRow(number, code, hash, List.of(), resolved -> Prepared.of(id, street, areaCode,
                    new RegisterBuilding(id, code, name, street, areaCode, floors)));
        };
    }

    static KindRows residentUnits() {
        return (row, number, hash) -> {
            String creditCode = row.required("creditCode", 18);
            if (creditCode != null && !UnifiedSocialCreditCode.isValid(creditCode)) {
                row.reject("creditCode", "not a unified social credit code (18 characters, GB 32100 check character)");
            }
            String name = row.required("name", MAX_NAME);
            ResidentUnitCategory category = row.choice("category", ResidentUnitCategory.class);
            String street = row.street("streetCode");
            ResidentialArea area = row.area("residentialAreaCode", street, false);
            String buildingCode = row.optional("buildingCode", MAX_CODE);
            int employees = row.integer("employees", 0, 1_000_000);
            if (!row.ok()) {
                return null;
            }
            List<Reference> refs = buildingCode == null ? List.of() : List.of(new Reference(ImportKind.BUILDINGS,
                    buildingCode, "buildingCode", true, "unknown building code " + buildingCode));
            String id = RegistryIds.residentUnit(creditCode);
            String areaCode = area == null ? null : area.code();
            return new PendingRow(number, creditCode, hash, refs, resolved -> {
                String buildingId = null;
                if (!refs.isEmpty()) {
                    PendingRow.LedgerEntry building = resolved.entry(refs.get(0));
                    if (!street.equals(building.streetCode())) {
                        return Prepared.rejected("buildingCode", "building " + buildingCode + " is in street "
                                + building.streetCode() + ", not " + street);
                    }
                    buildingId = building.aggregateId();
                }
                return Prepared.of(id, street, areaCode, new RegisterResidentUnit(id, creditCode, name, category, street,
                        areaCode, buildingId, employees));
            });
        };
    }

    static KindRows youthLeague() {
        return unitBodies((id, code, name, street, unitId, members) ->
                new RegisterYouthLeagueOrganization(id, code, name, street, unitId, members), RegistryIds::youthLeague);
    }

    static KindRows tradeUnions() {
        return unitBodies((id, code, name, street, unitId, members) ->
                new RegisterTradeUnion(id, code, name, street, unitId, members), RegistryIds::tradeUnion);
    }

    private interface BodyCommand {
        Object make(String id, String code, String name, String street, String unitId, int members);
    }

    private static KindRows unitBodies(BodyCommand command, java.util.function.UnaryOperator<String> ids) {
        return (row, number, hash) -> {
            String code = row.required("code", MAX_CODE);
            String name = row.required("name", MAX_NAME);
            String street = row.street("streetCode");
            String unitCode = row.optional("unitCreditCode", 18);
            int members = row.integer("members", 0, 1_000_000);
            if (!row.ok()) {
                return null;
            }
            List<Reference> refs = unitCode == null ? List.of() : List.of(new Reference(ImportKind.RESIDENT_UNITS,
                    unitCode, "unitCreditCode", true, "unknown resident unit " + unitCode));
            String id = ids.apply(code);
            return new PendingRow(number, code, hash, refs, resolved -> Prepared.of(id, street, null,
                    command.make(id, code, name, street, refs.isEmpty() ? null : resolved.entry(refs.get(0)).aggregateId(),
                            members)));
        };
    }
}
