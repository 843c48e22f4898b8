package cn.changning.governance.contracts;

/** Derives the names an event is known by outside its service. */
public final class EventTypes {

    public static final String PREFIX = "cn.changning.governance.";

    private EventTypes() {
    }

    /** The CloudEvents {@code ce_type}, e.g. {@code cn.changning.governance.case.CaseReported.v1}. */
    public static String cloudEventType(Class<?> eventClass) {
        PublishedEvent published = published(eventClass);
        return PREFIX + published.context() + "." + publishedName(eventClass) + ".v" + published.version();
    }

    /** The schema's path inside this module, e.g. {@code schemas/case/CaseReported.v1.json}. */
    public static String schemaPath(Class<?> eventClass) {
        PublishedEvent published = published(eventClass);
        return "schemas/" + published.context() + "/" + publishedName(eventClass) + ".v" + published.version() + ".json";
    }

    /** The name the event is published under: its class's, unless {@link PublishedEvent#name()} says another. */
    public static String publishedName(Class<?> eventClass) {
        String name = published(eventClass).name();
        return name.isEmpty() ? eventClass.getSimpleName() : name;
    }

    public static boolean isPublished(Class<?> eventClass) {
        return eventClass.isAnnotationPresent(PublishedEvent.class);
    }

    /** The simple event name in a {@code ce_type}, e.g. {@code CaseReported}; null when it is not ours. */
    public static String simpleName(String cloudEventType) {
        if (cloudEventType == null || !cloudEventType.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = cloudEventType.substring(PREFIX.length()).split("\\.");
        return parts.length == 3 ? parts[1] : null;
    }

    private static PublishedEvent published(Class<?> eventClass) {
        PublishedEvent published = eventClass.getAnnotation(PublishedEvent.class);
        if (published == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a @PublishedEvent");
        }
        return published;
    }
}
