package cn.changning.governance.partyregistry.domain;

import org.axonframework.modelling.command.AggregateLifecycle;

/** Command handlers answer the aggregate's version after the command: the new ETag. */
public final class AggregateVersions {

    private AggregateVersions() {
    }

    public static long current() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
