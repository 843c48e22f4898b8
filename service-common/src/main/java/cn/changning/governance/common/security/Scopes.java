package cn.changning.governance.common.security;

/**
 * The OAuth2 scopes the platform's routes ask for; each route names one with {@link RequiresScope}. Which caller has
 * which is the authorisation server's business (its clients file), not the services'.
 */
public final class Scopes {

    public static final String CASES_REPORT = "cases:report";
    public static final String CASES_READ = "cases:read";
    public static final String CASES_HANDLE = "cases:handle";
    public static final String DISPATCH_READ = "dispatch:read";
    public static final String DISPATCH_STREET = "dispatch:street";
    public static final String DISPATCH_AGENCY = "dispatch:agency";
    public static final String DISPATCH_DISTRICT = "dispatch:district";
    public static final String ASSESSMENT_READ = "assessment:read";
    public static final String ASSESSMENT_STREET = "assessment:street";
    public static final String ASSESSMENT_DEPARTMENT = "assessment:department";
    public static final String ASSESSMENT_DISTRICT = "assessment:district";
    public static final String REGISTRY_READ = "registry:read";
    public static final String REGISTRY_WRITE = "registry:write";
    public static final String REGISTRY_PERSONAL_DATA = "registry:personal-data";
    public static final String REFERENCE_READ = "reference:read";

    private Scopes() {
    }
}
