package cn.changning.governance.partyregistry.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;

/**
 * Places the registry records must be the reference geography's: a street (subdistrict) of the district and, when
 * given, one of its 185 residential areas lying in that street. The registry never invents a place.
 */
public final class RegistryPlaces {

    private RegistryPlaces() {
    }

    public static void requireStreet(Geography geography, String streetCode) {
        if (streetCode == null || streetCode.isBlank()) {
            throw DomainRuleViolation.invalid("street-missing", "streetCode", "A registry record needs its street");
        }
        if (geography.subdistrict(streetCode).isEmpty()) {
            throw DomainRuleViolation.invalid("unknown-street", "streetCode", "No street " + streetCode + " in the district");
        }
    }

    /** The street, and the residential area when one is given (null: none). */
    public static void requirePlace(Geography geography, String streetCode, String residentialAreaCode) {
        requireStreet(geography, streetCode);
        if (residentialAreaCode == null) {
            return;
        }
        ResidentialArea area = geography.residentialArea(residentialAreaCode).orElseThrow(() -> DomainRuleViolation.invalid(
                "unknown-residential-area", "residentialAreaCode", "No residential area " + residentialAreaCode));
        if (!area.subdistrictCode().equals(streetCode)) {
            throw DomainRuleViolation.invalid("residential-area-outside-street", "residentialAreaCode",
                    "Residential area " + residentialAreaCode + " lies in street " + area.subdistrictCode() + ", not " + streetCode);
        }
    }

    public static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, field + " is required");
        }
        if (value.length() > max) {
            throw DomainRuleViolation.invalid(field + "-too-long", field, field + " may have at most " + max + " characters");
        }
        return value;
    }

    public static void requireNotNegative(int value, String field) {
        if (value < 0) {
            throw DomainRuleViolation.invalid(field + "-negative", field, field + " may not be negative");
        }
    }
}
