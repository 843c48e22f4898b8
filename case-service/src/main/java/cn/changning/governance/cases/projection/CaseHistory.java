package cn.changning.governance.cases.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

/**
 * A case as it stood at a past instant, rebuilt from its events in the event store (not the read
 * model, which only knows the present). Folded with the same {@link CaseChanges} as the projection.
 */
public class CaseHistory {

    private final EventStore eventStore;
    private final CaseChanges changes;

    public CaseHistory(EventStore eventStore, CaseChanges changes) {
        this.eventStore = eventStore;
        this.changes = changes;
    }

    /** The case as of {@code asOf} (events stored at or before it); empty if it did not exist yet. */
    public Optional<CaseView> asOf(String caseId, Instant asOf) {
        return fold(caseId, asOf).map(d -> CaseQueries.toView(d, asOf));
    }

    /** Its reporter, sealed, as of {@code asOf}. */
    public Optional<ReporterState> reporterAsOf(String caseId, Instant asOf) {
        return fold(caseId, asOf).map(ReporterState::of);
    }

    /** Its timeline as of {@code asOf}. */
    public Optional<CaseView.Timeline> timelineAsOf(String caseId, Instant asOf) {
        return fold(caseId, asOf).map(CaseQueries::toTimeline);
    }

    Optional<Document> fold(String caseId, Instant asOf) {
        Document doc = new Document(CaseDocument.ID, caseId);
        boolean any = false;
        DomainEventStream events = eventStore.readEvents(caseId);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getTimestamp().isAfter(asOf)) {
                break; // an aggregate's events are stored in time order
            }
            Optional<CaseChanges.Change> change = changes.of(event.getPayload(), event.getSequenceNumber());
            if (change.isPresent()) {
                CaseChanges.applyTo(doc, change.get(), event.getSequenceNumber());
                doc.put(CaseDocument.UPDATED_AT, java.util.Date.from(event.getTimestamp()));
                any = true;
            }
        }
        return any ? Optional.of(doc) : Optional.empty();
    }
}
