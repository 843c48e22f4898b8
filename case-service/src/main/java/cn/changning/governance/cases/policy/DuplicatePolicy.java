package cn.changning.governance.cases.policy;

import cn.changning.governance.cases.domain.LinkDuplicateCase;
import cn.changning.governance.cases.domain.RefuseDuplicateLink;
import cn.changning.governance.common.consuming.EventBatchHandler;
import cn.changning.governance.common.consuming.EventRecord;
import cn.changning.governance.common.consuming.EventRouter;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.policy.PolicyCommands;
import cn.changning.governance.contracts.cases.CaseRejected;
import cn.changning.governance.contracts.cases.RejectionReason;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Duplicates, from the case topic: a case marked as a duplicate names its original; the original learns
 * of it here and checks its own state (it links only while open). If it refuses, or does not exist, the
 * duplicate is told so and goes back to the step it had: either both sides know of the link or neither
 * does, and the refusal is on the duplicate's timeline for the street to act on.
 *
 * <p>Redelivery is harmless: the original links a duplicate once, and a duplicate refused once, or no
 * longer marked, ignores a second refusal.</p>
 */
public class DuplicatePolicy implements EventBatchHandler.BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(DuplicatePolicy.class);
    static final String ACTOR = "duplicate-policy";

    private final PolicyCommands commands;
    private final EventRouter<Void> router;

    public DuplicatePolicy(CommandGateway commands, ObjectMapper objectMapper) {
        this.commands = new PolicyCommands("case-duplicate-policy", commands);
        this.router = EventRouter.using(objectMapper).on(CaseRejected.class, this::onRejected);
    }

    @Override
    public void process(List<EventRecord> events) {
        events.forEach(router::route);
    }

    private void onRejected(EventRecord event, CaseRejected rejected) {
        if (rejected.reason() != RejectionReason.DUPLICATE || rejected.duplicateOf() == null) {
            return;
        }
        try {
            commands.send(event, "link", new LinkDuplicateCase(rejected.duplicateOf(), rejected.caseId(), ACTOR, rejected.rejectedAt()));
        } catch (DomainRuleViolation | AggregateNotFoundException refusal) {
            String reason = refusal instanceof AggregateNotFoundException ? "there is no case " + rejected.duplicateOf()
                    : refusal.getMessage();
            log.info("case {} refused to be the original of {}: {}", rejected.duplicateOf(), rejected.caseId(), reason);
            commands.send(event, "refuse", new RefuseDuplicateLink(rejected.caseId(), rejected.duplicateOf(), reason,
                    rejected.rejectedAt()));
        }
    }
}
