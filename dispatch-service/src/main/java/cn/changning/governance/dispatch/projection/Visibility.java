package cn.changning.governance.dispatch.projection;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.List;

/**
 * What of the dispatch read models a caller may see (issue 11): every order, one street's orders, or the orders one
 * agency has or had a part in (lead or assistant, including a part it returned and the street gave to another);
 * or none. The queries add it to their own filters, so a page and its total count only what the caller sees. Who
 * sees what is the API's business ({@code dispatch.api.CallerAccess}); this is how it is applied to the documents.
 *
 * @param street the street whose orders are visible (kind {@link Kind#STREET})
 * @param agency the agency whose orders are visible (kind {@link Kind#AGENCY})
 */
public record Visibility(Kind kind, String street, String agency) {

    public enum Kind { EVERYTHING, STREET, AGENCY, NOTHING }

    private static final Visibility EVERYTHING = new Visibility(Kind.EVERYTHING, null, null);
    private static final Visibility NOTHING = new Visibility(Kind.NOTHING, null, null);

    public Visibility {
        if ((kind == Kind.STREET) != (street != null) || (kind == Kind.AGENCY) != (agency != null)) {
            throw new IllegalArgumentException("a " + kind + " visibility with street " + street + " and agency " + agency);
        }
    }

    public static Visibility everything() {
        return EVERYTHING;
    }

    public static Visibility nothing() {
        return NOTHING;
    }

    public static Visibility ofStreet(String streetCode) {
        return new Visibility(Kind.STREET, streetCode, null);
    }

    public static Visibility ofAgency(String agencyId) {
        return new Visibility(Kind.AGENCY, null, agencyId);
    }

    public boolean isEverything() {
        return kind == Kind.EVERYTHING;
    }

    /** The filter of the {@value DispatchOrderDocument#COLLECTION} documents visible; null when all are. */
    Bson orders() {
        return switch (kind) {
            case EVERYTHING -> null;
            case STREET -> Filters.eq(DispatchOrderDocument.STREET_CODE, street);
            case AGENCY -> Filters.eq(DispatchOrderDocument.INVOLVED_AGENCY_IDS, agency);
            case NOTHING -> Filters.in(DispatchOrderDocument.ID, List.of());
        };
    }

    /** The filter of the {@value AgencyOrderFactDocument#COLLECTION} documents visible; null when all are. */
    Bson facts() {
        return switch (kind) {
            case EVERYTHING -> null;
            case STREET -> Filters.eq(AgencyOrderFactDocument.STREET_CODE, street);
            case AGENCY -> Filters.eq(AgencyOrderFactDocument.AGENCY_ID, agency);
            case NOTHING -> Filters.in(AgencyOrderFactDocument.ID, List.of());
        };
    }
}
