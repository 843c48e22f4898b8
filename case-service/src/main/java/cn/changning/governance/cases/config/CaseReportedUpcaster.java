package cn.changning.governance.cases.config;

import cn.changning.governance.contracts.cases.CaseReported;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Stored {@code CaseReported} v1 (revision null, the reporter in clear) read as v2 (revision "2"): the reporter is
 * dropped. It cannot be sealed here: an upcaster runs on every read, so it would seal again each time (writing keys
 * on a read path) while the clear value stays in the stored row anyway. Those cases simply show no reporter; the
 * clear values are left in the rows written before sealing (an operator may scrub them, see deploy/README.md).
 */
public class CaseReportedUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType V1 = new SimpleSerializedType(CaseReported.class.getName(), null);
    private static final SimpleSerializedType V2 = new SimpleSerializedType(CaseReported.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(V1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(V2, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode event) {
                event.putNull("reporter");
            }
            return payload;
        });
    }
}
