package cn.changning.governance.dispatch;

import cn.changning.governance.contracts.EventTypes;
import cn.changning.governance.contracts.dispatch.DispatchOrderAccepted;
import cn.changning.governance.contracts.dispatch.DispatchOrderArbitrated;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockPaused;
import cn.changning.governance.contracts.dispatch.DispatchOrderClockResumed;
import cn.changning.governance.contracts.dispatch.DispatchOrderReferredToArbitration;
import cn.changning.governance.contracts.dispatch.DispatchOrderWithdrawn;
import cn.changning.governance.contracts.dispatch.DispatchOrderAssistanceConfirmed;
import cn.changning.governance.contracts.dispatch.DispatchOrderDueSoon;
import cn.changning.governance.contracts.dispatch.DispatchOrderEscalated;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionApproved;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRefused;
import cn.changning.governance.contracts.dispatch.DispatchOrderExtensionRequested;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandled;
import cn.changning.governance.contracts.dispatch.DispatchOrderHandlingReported;
import cn.changning.governance.contracts.dispatch.DispatchOrderIssued;
import cn.changning.governance.contracts.dispatch.DispatchOrderOverdue;
import cn.changning.governance.contracts.dispatch.DispatchOrderReassigned;
import cn.changning.governance.contracts.dispatch.DispatchOrderReissued;
import cn.changning.governance.contracts.dispatch.DispatchOrderReturned;
import cn.changning.governance.contracts.dispatch.DispatchOrderRouted;
import cn.changning.governance.contracts.dispatch.DispatchOrderSentBackForRework;
import cn.changning.governance.contracts.dispatch.DispatchOrderTimerStarted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event the dispatch aggregate applies is on the published list, with its JSON Schema. */
class PublishedEventsTest {

    @Test
    void everyDispatchEventIsPublishedWithItsSchema() {
        List<Class<?>> events = List.of(DispatchOrderIssued.class, DispatchOrderRouted.class, DispatchOrderTimerStarted.class,
                DispatchOrderAccepted.class, DispatchOrderReturned.class, DispatchOrderReassigned.class, DispatchOrderReissued.class,
                DispatchOrderHandlingReported.class, DispatchOrderAssistanceConfirmed.class, DispatchOrderHandled.class,
                DispatchOrderExtensionRequested.class, DispatchOrderExtensionApproved.class, DispatchOrderExtensionRefused.class,
                DispatchOrderDueSoon.class, DispatchOrderOverdue.class, DispatchOrderEscalated.class,
                DispatchOrderSentBackForRework.class, DispatchOrderClockPaused.class, DispatchOrderClockResumed.class,
                DispatchOrderWithdrawn.class, DispatchOrderReferredToArbitration.class, DispatchOrderArbitrated.class);
        for (Class<?> event : events) {
            assertThat(EventTypes.isPublished(event)).as(event.getSimpleName() + " is published").isTrue();
            assertThat(EventTypes.cloudEventType(event)).startsWith("cn.changning.governance.dispatch.");
            assertThat(EventTypes.class.getClassLoader().getResource(EventTypes.schemaPath(event)))
                    .as("schema of " + event.getSimpleName()).isNotNull();
        }
    }
}
