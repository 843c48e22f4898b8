package cn.changning.governance.partyregistry.config;

import cn.changning.governance.partyregistry.domain.building.Building;
import cn.changning.governance.partyregistry.domain.member.PartyMember;
import cn.changning.governance.partyregistry.domain.organization.OrganizationDirectory;
import cn.changning.governance.partyregistry.domain.organization.PartyOrganization;
import cn.changning.governance.partyregistry.domain.record.ActivityRecord;
import cn.changning.governance.partyregistry.domain.record.Honour;
import cn.changning.governance.partyregistry.domain.record.PartyAffair;
import cn.changning.governance.partyregistry.domain.record.VisitLog;
import cn.changning.governance.partyregistry.domain.registration.Registrations;
import cn.changning.governance.partyregistry.domain.tradeunion.TradeUnion;
import cn.changning.governance.partyregistry.domain.unit.ResidentUnit;
import cn.changning.governance.partyregistry.domain.worker.PartyWorker;
import cn.changning.governance.partyregistry.domain.youth.YouthLeagueOrganization;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's reference data and its aggregates (registered here so the domain package needs no Spring
 * annotation). The other parts of the service have configuration classes of their own beside this one: residential
 * areas and police (PolicingConfiguration), statistics (StatisticsConfiguration), the bulk import.
 */
@Configuration(proxyBeanMethods = false)
public class PartyRegistryServiceConfiguration {

    /** The district's streets and its 185 residential areas: the registry records no other place. Loaded once; being a bean, Axon passes it to the handlers that declare it. */
    @Bean
    public Geography geography() {
        return Geography.load();
    }

    @Bean
    public OrganizationDirectory organizationDirectory(EventStore eventStore) {
        return new EventStoreOrganizationDirectory(eventStore);
    }

    /** The aggregates, and the handler of their registrations (create-or-verify, see {@link Registrations}). */
    @Bean
    public ConfigurerModule registryAggregates(Geography geography, ObjectProvider<OrganizationDirectory> organizationDirectory) {
        // The directory reads the event store, which this module helps configure: it is looked up when Axon builds the handler.
        return configurer -> configurer
                .configureAggregate(PartyOrganization.class)
                .configureAggregate(PartyMember.class)
                .configureAggregate(Building.class)
                .configureAggregate(ResidentUnit.class)
                .configureAggregate(YouthLeagueOrganization.class)
                .configureAggregate(TradeUnion.class)
                .configureAggregate(PartyWorker.class)
                .configureAggregate(ActivityRecord.class)
                .configureAggregate(VisitLog.class)
                .configureAggregate(PartyAffair.class)
                .configureAggregate(Honour.class)
                .registerCommandHandler(config -> new Registrations(config::repository, geography, organizationDirectory.getObject()));
    }
}
