package cn.changning.governance.common.eventstore;

import cn.changning.governance.contracts.PublishedEvent;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * The revision an event is stored with: a published event's version from version 2 on ({@code @PublishedEvent(version
 * = 2)} → {@code "2"}), so that an upcaster tells the stored v1 rows (revision null, as they always were) from the new
 * ones; otherwise Axon's {@code @Revision}, if any. The contracts module stays free of Axon.
 */
public final class PublishedEventRevisions implements RevisionResolver {

    private final RevisionResolver annotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        PublishedEvent published = payloadType.getAnnotation(PublishedEvent.class);
        if (published != null && published.version() > 1) {
            return String.valueOf(published.version());
        }
        return annotations.revisionOf(payloadType);
    }
}
