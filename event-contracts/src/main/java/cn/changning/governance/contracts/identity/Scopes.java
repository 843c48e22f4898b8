package cn.changning.governance.contracts.identity;

import java.util.List;

/**
 * Every scope a caller may be given: {@code <context>:<what>}. The resource servers decide what each allows; the
 * clients file may name no other (a typo would otherwise become a scope nobody checks).
 */
public final class Scopes {

    public static final String CASES_REPORT = "cases:report";
    public static final String CASES_READ = "cases:read";
    public static final String CASES_HANDLE = "cases:handle";
    /** Case reporters' personal data in clear, and its erasure (street centres). */
    public static final String CASES_PERSONAL_DATA = "cases:personal-data";
    public static final String DISPATCH_READ = "dispatch:read";
    public static final String DISPATCH_STREET = "dispatch:street";
    public static final String DISPATCH_AGENCY = "dispatch:agency";
    public static final String DISPATCH_DISTRICT = "dispatch:district";
    public static final String ASSESSMENT_READ = "assessment:read";
    public static final String ASSESSMENT_STREET = "assessment:street";
    public static final String ASSESSMENT_DISTRICT = "assessment:district";
    public static final String ASSESSMENT_DEPARTMENT = "assessment:department";
    public static final String REGISTRY_READ = "registry:read";
    public static final String REGISTRY_WRITE = "registry:write";
    /** Members' personal data in the party-building registry (sensitive). */
    public static final String REGISTRY_PERSONAL_DATA = "registry:personal-data";
    public static final String REFERENCE_READ = "reference:read";

    public static final List<String> ALL = List.of(CASES_REPORT, CASES_READ, CASES_HANDLE, CASES_PERSONAL_DATA,
            DISPATCH_READ, DISPATCH_STREET, DISPATCH_AGENCY, DISPATCH_DISTRICT,
            ASSESSMENT_READ, ASSESSMENT_STREET, ASSESSMENT_DISTRICT, ASSESSMENT_DEPARTMENT,
            REGISTRY_READ, REGISTRY_WRITE, REGISTRY_PERSONAL_DATA, REFERENCE_READ);

    // The scopes each kind of caller is given (the authorisation server's clients file is generated from these):
    public static final List<String> PARTNER_SCOPES = List.of(CASES_REPORT, CASES_READ, REFERENCE_READ);
    // dispatch:agency: a street centre acts on its street team's parts of orders, the district centre on the district
    // units' (the utilities have no clients of their own yet); which parts is the dispatch service's rule.
    public static final List<String> STREET_CENTRE_SCOPES = List.of(CASES_READ, CASES_HANDLE, CASES_PERSONAL_DATA, DISPATCH_READ, DISPATCH_STREET,
            DISPATCH_AGENCY, ASSESSMENT_READ, ASSESSMENT_STREET, REFERENCE_READ);
    public static final List<String> AGENCY_SCOPES = List.of(DISPATCH_READ, DISPATCH_AGENCY, ASSESSMENT_READ, REFERENCE_READ);
    public static final List<String> DISTRICT_CENTRE_SCOPES = List.of(CASES_READ, DISPATCH_READ, DISPATCH_DISTRICT,
            DISPATCH_AGENCY, ASSESSMENT_READ, ASSESSMENT_DISTRICT, REGISTRY_READ, REFERENCE_READ);
    public static final List<String> DEPARTMENT_SCOPES = List.of(DISPATCH_READ, ASSESSMENT_READ, ASSESSMENT_DEPARTMENT, REFERENCE_READ);
    public static final List<String> REGISTRY_STAFF_SCOPES = List.of(REGISTRY_READ, REGISTRY_WRITE, REFERENCE_READ);
    public static final List<String> REGISTRY_OFFICER_SCOPES = List.of(REGISTRY_READ, REGISTRY_WRITE, REGISTRY_PERSONAL_DATA, REFERENCE_READ);

    private Scopes() {
    }
}
