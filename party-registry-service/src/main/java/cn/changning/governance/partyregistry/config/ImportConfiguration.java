package cn.changning.governance.partyregistry.config;

import cn.changning.governance.common.config.GovernanceProperties;
import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.partyregistry.importing.ImportJobs;
import cn.changning.governance.partyregistry.importing.ImportLedger;
import cn.changning.governance.partyregistry.importing.ImportMetrics;
import cn.changning.governance.partyregistry.importing.ImportProperties;
import cn.changning.governance.partyregistry.importing.ImportRunner;
import cn.changning.governance.partyregistry.importing.ImportWorker;
import cn.changning.governance.reference.geography.Geography;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The bulk import: its job store and ledger (tables of V10), the runner and the instance's worker (the API, ImportController, is scanned). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportProperties.class)
public class ImportConfiguration {

    @Bean
    public ImportJobs importJobs(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ImportJobs(jdbc, new TransactionTemplate(transactionManager));
    }

    @Bean
    public ImportLedger importLedger(JdbcTemplate jdbc) {
        return new ImportLedger(jdbc);
    }

    @Bean
    public ImportMetrics importMetrics(MeterRegistry registry) {
        return new ImportMetrics(registry);
    }

    @Bean
    public ImportRunner importRunner(ImportJobs jobs, ImportLedger ledger, CommandGateway commandGateway,
                                     PersonalData personalData, Geography geography,
                                     PlatformTransactionManager transactionManager, ImportMetrics metrics,
                                     ImportProperties properties, Clock clock) {
        return new ImportRunner(jobs, ledger, commandGateway, personalData, geography,
                new TransactionTemplate(transactionManager), metrics, properties, clock);
    }

    /** Named after the instance when it has a stable name, so its leases read as its own in the job table. */
    @Bean
    public ImportWorker importWorker(ImportJobs jobs, ImportRunner runner, ImportProperties properties,
                                     GovernanceProperties governance) {
        String instance = governance.instanceId() == null || governance.instanceId().isBlank()
                ? UUID.randomUUID().toString() : governance.instanceId() + "/" + UUID.randomUUID();
        return new ImportWorker(jobs, runner, properties, governance.serviceName() + "@" + instance);
    }
}
