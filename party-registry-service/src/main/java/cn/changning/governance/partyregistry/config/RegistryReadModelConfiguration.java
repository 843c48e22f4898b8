package cn.changning.governance.partyregistry.config;

import cn.changning.governance.common.consuming.EventConsumer;
import cn.changning.governance.common.consuming.VersionedDocuments;
import cn.changning.governance.contracts.Topics;
import cn.changning.governance.partyregistry.projection.member.MemberProjection;
import cn.changning.governance.partyregistry.projection.member.MemberQueries;
import cn.changning.governance.partyregistry.projection.organization.OrganizationProjection;
import cn.changning.governance.partyregistry.projection.organization.OrganizationQueries;
import cn.changning.governance.partyregistry.projection.record.RecordProjection;
import cn.changning.governance.partyregistry.projection.record.RecordQueries;
import cn.changning.governance.partyregistry.projection.register.RegisterProjection;
import cn.changning.governance.partyregistry.projection.register.RegisterQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/**
 * The read models of organisations, members, the registers and the records of party life: each projection in a consumer group of its own, so
 * each can be dropped and rebuilt from offset 0 alone.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryReadModelConfiguration {

    @Bean
    public OrganizationProjection organizationProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                                         ObjectMapper objectMapper) {
        OrganizationProjection projection = new OrganizationProjection(mongo, versionedDocuments, objectMapper);
        projection.createIndexes();
        return projection;
    }

    @Bean
    public EventConsumer organizationConsumer(OrganizationProjection organizationProjection) {
        return new EventConsumer("organizations", "party-registry-service.organizations",
                List.of(Topics.PARTY_REGISTRY_EVENTS), organizationProjection);
    }

    @Bean
    public OrganizationQueries organizationQueries(MongoTemplate mongo) {
        return new OrganizationQueries(mongo);
    }

    @Bean
    public MemberProjection memberProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                             ObjectMapper objectMapper) {
        MemberProjection projection = new MemberProjection(mongo, versionedDocuments, objectMapper);
        projection.createIndexes();
        return projection;
    }

    @Bean
    public EventConsumer memberConsumer(MemberProjection memberProjection) {
        return new EventConsumer("members", "party-registry-service.members", List.of(Topics.PARTY_REGISTRY_EVENTS),
                memberProjection);
    }

    @Bean
    public MemberQueries memberQueries(MongoTemplate mongo) {
        return new MemberQueries(mongo);
    }

    @Bean
    public RegisterProjection registerProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                                 ObjectMapper objectMapper) {
        RegisterProjection projection = new RegisterProjection(mongo, versionedDocuments, objectMapper);
        projection.createIndexes();
        return projection;
    }

    @Bean
    public EventConsumer registerConsumer(RegisterProjection registerProjection) {
        return new EventConsumer("registers", "party-registry-service.registers", List.of(Topics.PARTY_REGISTRY_EVENTS),
                registerProjection);
    }

    @Bean
    public RecordProjection recordProjection(MongoTemplate mongo, VersionedDocuments versionedDocuments,
                                             ObjectMapper objectMapper) {
        RecordProjection projection = new RecordProjection(mongo, versionedDocuments, objectMapper);
        projection.createIndexes();
        return projection;
    }

    @Bean
    public EventConsumer recordConsumer(RecordProjection recordProjection) {
        return new EventConsumer("records", "party-registry-service.records", List.of(Topics.PARTY_REGISTRY_EVENTS),
                recordProjection);
    }

    @Bean
    public RecordQueries recordQueries(MongoTemplate mongo) {
        return new RecordQueries(mongo);
    }

    @Bean
    public RegisterQueries registerQueries(MongoTemplate mongo) {
        return new RegisterQueries(mongo);
    }
}
