package cn.changning.governance.partyregistry.config;

import cn.changning.governance.contracts.registry.PartyOrganizationRegistered;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisation directory read from the event store (an organisation's first event is its registration), so it is
 * as current as the write side: a branch registered right after its committee finds it, which a read model fed
 * through Kafka could not promise. Found organisations are cached: what the directory answers never changes after
 * registration. Unknown ones are not cached (they may be registered a moment later).
 */
public class EventStoreOrganizationDirectory implements OrganizationDirectory {

    private final EventStore eventStore;
    private final Map<String, RegisteredOrganization> known = new ConcurrentHashMap<>();

    public EventStoreOrganizationDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<RegisteredOrganization> find(String organizationId) {
        if (organizationId == null) {
            return Optional.empty();
        }
        RegisteredOrganization cached = known.get(organizationId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<RegisteredOrganization> found = eventStore.readEvents(organizationId).asStream().findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(PartyOrganizationRegistered.class::isInstance)
                .map(PartyOrganizationRegistered.class::cast)
                .map(r -> new RegisteredOrganization(r.organizationId(), r.level(), r.kind(), r.streetCode(),
                        r.residentialAreaCode()));
        found.ifPresent(o -> known.put(organizationId, o));
        return found;
    }
}
