package cn.changning.governance.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event of the published language: it crosses a service boundary on Kafka.
 * The CloudEvents type is {@code cn.changning.governance.<context>.<SimpleName>.v<version>};
 * its JSON Schema lives at {@code schemas/<context>/<SimpleName>.v<version>.json}.
 * A breaking change is a new version (and an upcaster for the stored old one).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublishedEvent {

    /** The bounded context that owns the event, e.g. {@code case}. */
    String context();

    int version() default 1;

    /**
     * The event's published name when the class is not called so: an older version kept to read the records of it
     * still on a topic (e.g. {@code CaseReportedV1}, name {@code CaseReported}, version 1). By default the class's name.
     */
    String name() default "";
}
