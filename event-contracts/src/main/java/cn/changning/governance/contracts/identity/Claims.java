package cn.changning.governance.contracts.identity;

import java.util.List;

/** The names of the claims every access token carries beside the registered ones ({@code sub}, {@code iss}, ...). */
public final class Claims {

    /** The audience of every token: the platform's resource servers accept only tokens meant for them. */
    public static final String AUDIENCE = "governance-platform";

    public static final String ACTOR_KIND = "actor_kind";
    /** The client, equal to {@code sub} here; where a provider puts its own id in {@code sub} (Keycloak), this one counts. */
    public static final String CLIENT_ID = "client_id";
    public static final String PARTNER = "partner";
    public static final String STREET = "street";
    public static final String AGENCY = "agency";
    public static final String DEPARTMENT = "department";

    /** Every place claim, in the order a token and the clients file list them. */
    public static final List<String> PLACE_CLAIMS = List.of(PARTNER, STREET, AGENCY, DEPARTMENT);

    private Claims() {
    }
}
