package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory.RegisteredOrganization;

import java.time.LocalDate;

/** What every record of party life needs: a registered organisation (whose place it takes), a date, an author. */
final class RecordRules {

    static final int MAX_TITLE = 200;
    static final int MAX_TEXT = 2000;

    private RecordRules() {
    }

    static RegisteredOrganization organization(OrganizationDirectory directory, String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            throw DomainRuleViolation.invalid("organization-missing", "organizationId", "A record belongs to an organisation");
        }
        return directory.find(organizationId).orElseThrow(() -> DomainRuleViolation.invalid("unknown-organization",
                "organizationId", "No party organisation " + organizationId + " is registered"));
    }

    static LocalDate date(LocalDate date, String field) {
        if (date == null) {
            throw DomainRuleViolation.invalid(field + "-missing", field, "A record needs its date (" + field + ")");
        }
        return date;
    }

    static String title(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, field + " is required");
        }
        return text(value, field, MAX_TITLE);
    }

    static String text(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw DomainRuleViolation.invalid(field + "-too-long", field, field + " may have at most " + max + " characters");
        }
        return value;
    }

    static void author(String recordedBy) {
        if (recordedBy == null || recordedBy.isBlank()) {
            throw DomainRuleViolation.invalid("recorded-by-missing", "recordedBy", "Say who records this");
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainRuleViolation.invalid(field + "-missing", field, field + " is required");
        }
        return value;
    }
}
