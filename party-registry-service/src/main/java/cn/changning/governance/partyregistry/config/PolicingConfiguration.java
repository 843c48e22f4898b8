package cn.changning.governance.partyregistry.config;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.partyregistry.api.PolicingCommandSender;
import cn.changning.governance.partyregistry.api.SealedNames;
import cn.changning.governance.partyregistry.domain.area.ResidentialAreaTeam;
import cn.changning.governance.partyregistry.domain.police.CommunityPoliceOfficer;
import cn.changning.governance.partyregistry.projection.policing.PolicingProjection;
import cn.changning.governance.partyregistry.projection.policing.PolicingQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * Residential areas (secretary, community police, cross-appointed deputy) and the officers: the two aggregates, the
 * command sender of their controllers, and the policing read model of the registry topic.
 */
@Configuration(proxyBeanMethods = false)
public class PolicingConfiguration {

    /** Registered here so the domain packages need no Spring annotation. */
    @Bean
    public ConfigurerModule policingAggregates() {
        return configurer -> configurer.configureAggregate(ResidentialAreaTeam.class)
                .configureAggregate(CommunityPoliceOfficer.class);
    }

    @Bean
    public PolicingCommandSender policingCommandSender(CommandGateway commandGateway) {
        return commandGateway::sendAndWait;
    }

    @Bean
    public SealedNames sealedNames(PersonalData personalData) {
        return new SealedNames(personalData);
    }

    @Bean
    public PolicingProjection policingProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments, ObjectMapper objectMapper) {
        PolicingProjection projection = new PolicingProjection(mongo, versionedDocuments, objectMapper);
        projection.createIndexes();
        return projection;
    }

    /** The registry topic into the areas, officers and postings read models, in group {@code party-registry-service.policing}. */
    @Bean
    public EventConsumer policingConsumer(PolicingProjection policingProjection) {
        return new EventConsumer("policing", "party-registry-service.policing", List.of(Topics.PARTY_REGISTRY_EVENTS),
                policingProjection);
    }

    @Bean
    public PolicingQueries policingQueries(MongoTemplate mongo) {
        return new PolicingQueries(mongo);
    }
}
