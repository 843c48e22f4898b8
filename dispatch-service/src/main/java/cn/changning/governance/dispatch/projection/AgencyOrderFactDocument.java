package cn.changning.governance.dispatch.projection;

import cn.changning.governance.dispatch.projection.DispatchOrderDocument.ReturnField;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@value #COLLECTION} read model: one document per order and agency that had a part in it,
 * with what that agency did on that order. An agency's statistics are sums over its documents;
 * each is recomputed from the order (never incremented), so a replay gives the same figures.
 */
public final class AgencyOrderFactDocument {

    public static final String COLLECTION = "agency_order_facts";

    public static final String ID = "_id";
    public static final String ORDER_ID = "orderId";
    public static final String AGENCY_ID = "agencyId";
    public static final String AGENCY_TYPE = "agencyType";
    public static final String STREET_CODE = "streetCode";
    public static final String LEAD = "lead";
    public static final String DISPATCHED = "dispatched";
    public static final String ACCEPTED = "accepted";
    public static final String RETURNED = "returned";
    public static final String HANDLED_ON_TIME = "handledOnTime";
    public static final String HANDLED_LATE = "handledLate";
    public static final String REWORKED = "reworked";
    public static final String EXTENSIONS_REQUESTED = "extensionsRequested";
    public static final String EXTENSIONS_APPROVED = "extensionsApproved";

    /** The counts an agency's statistics sum, in the order of {@link DispatchViews.AgencyStats}. */
    public static final List<String> COUNTS = List.of(DISPATCHED, ACCEPTED, RETURNED, HANDLED_ON_TIME, HANDLED_LATE,
            REWORKED, EXTENSIONS_REQUESTED, EXTENSIONS_APPROVED);

    private AgencyOrderFactDocument() {
    }

    /** The fact documents of every agency that ever had a part in this order. */
    static List<Document> of(Document o, Function<String, String> agencyType) {
        List<Document> facts = new ArrayList<>();
        List<String> current = DispatchOrderChanges.agencyIds(o);
        List<String> acceptedBy = o.getList(DispatchOrderDocument.ACCEPTED_BY, String.class, List.of());
        List<Document> returns = o.getList(DispatchOrderDocument.RETURNS, Document.class, List.of());
        boolean handled = DispatchOrderDocument.isTrue(o, DispatchOrderDocument.HANDLED);
        boolean onTime = DispatchOrderDocument.isTrue(o, DispatchOrderDocument.ON_TIME);
        boolean reworked = o.get(DispatchOrderDocument.REWORKED_IN_ROUND) != null;
        String orderId = o.getString(DispatchOrderDocument.ID);
        String lead = o.getString(DispatchOrderDocument.LEAD_AGENCY_ID);
        for (String agencyId : o.getList(DispatchOrderDocument.INVOLVED_AGENCY_IDS, String.class, List.of())) {
            boolean stillOn = current.contains(agencyId);
            boolean isLead = agencyId.equals(lead);
            facts.add(new Document(ID, orderId + "|" + agencyId)
                    .append(ORDER_ID, orderId)
                    .append(AGENCY_ID, agencyId)
                    .append(AGENCY_TYPE, agencyType.apply(agencyId))
                    .append(STREET_CODE, o.getString(DispatchOrderDocument.STREET_CODE))
                    .append(LEAD, isLead)
                    .append(DISPATCHED, 1)
                    .append(ACCEPTED, acceptedBy.contains(agencyId) ? 1 : 0)
                    .append(RETURNED, (int) returns.stream().filter(r -> agencyId.equals(r.getString(ReturnField.AGENCY_ID))).count())
                    .append(HANDLED_ON_TIME, handled && stillOn && onTime ? 1 : 0)
                    .append(HANDLED_LATE, handled && stillOn && !onTime ? 1 : 0)
                    .append(REWORKED, isLead && reworked ? 1 : 0)
                    .append(EXTENSIONS_REQUESTED, isLead ? o.getInteger(DispatchOrderDocument.EXTENSIONS_REQUESTED, 0) : 0)
                    .append(EXTENSIONS_APPROVED, isLead ? o.getInteger(DispatchOrderDocument.EXTENSIONS_APPROVED, 0) : 0));
        }
        return facts;
    }
}
