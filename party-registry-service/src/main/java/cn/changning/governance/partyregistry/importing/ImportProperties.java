package cn.changning.governance.partyregistry.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code governance.imports.*}: rows per chunk (one transaction each), the job lease (renewed by every chunk),
 * how often an idle worker looks for a job, the largest upload, whether this instance runs jobs at all, and whether a
 * chunk's commands run in one Axon unit of work (their events stored in one batch at the commit; organisations
 * never, since a branch's registration reads its parent's from the event store).
 */
@ConfigurationProperties("governance.imports")
public record ImportProperties(@DefaultValue("500") int chunkRows, @DefaultValue("30s") Duration lease,
                               @DefaultValue("1s") Duration pollInterval, @DefaultValue("268435456") long maxUploadBytes,
                               @DefaultValue("true") boolean workerEnabled, @DefaultValue("true") boolean batchEvents) {

    public ImportProperties {
        if (chunkRows < 1 || chunkRows > 10_000) {
            throw new IllegalArgumentException("governance.imports.chunk-rows must be between 1 and 10000");
        }
    }
}
