package cn.changning.governance.benchmarks.instances;

import cn.changning.governance.contracts.EventTypes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether anything was published twice or lost, from what a topic holds: each event once by its CloudEvents id, as
 * many events as the event store holds, and one event of a kind per aggregate. Pure: the topic is read and the store
 * counted by the caller.
 */
public final class OnceCheck {

    private OnceCheck() {
    }

    /** Records that repeat an id seen before on the list: events published more than once. */
    public static long republished(List<TopicEvent> events) {
        return events.size() - events.stream().map(TopicEvent::id).distinct().count();
    }

    /** The events whose record key is one of these aggregates (what a run itself caused, among others' events). */
    public static List<TopicEvent> ofKeys(List<TopicEvent> events, Collection<String> keys) {
        Set<String> wanted = keys instanceof Set<String> set ? set : new HashSet<>(keys);
        return events.stream().filter(e -> e.key() != null && wanted.contains(e.key())).toList();
    }

    /**
     * Records of one published event's name per record key, e.g. {@code CaseReported} (its CloudEvents type is
     * {@code …case.CaseReported.v2}). Records, not distinct ids: an event published twice counts twice.
     */
    public static Map<String, Long> countByKey(List<TopicEvent> events, String eventName) {
        Map<String, Long> counts = new LinkedHashMap<>();
        events.stream().filter(e -> e.key() != null && eventName.equals(name(e.type())))
                .forEach(e -> counts.merge(e.key(), 1L, Long::sum));
        return counts;
    }

    /** The keys with none of the counted events (lost). */
    public static List<String> missing(Collection<String> keys, Map<String, Long> counts) {
        return keys.stream().filter(k -> counts.getOrDefault(k, 0L) == 0).toList();
    }

    /** The keys with more than one of the counted events (done or published twice). */
    public static List<String> moreThanOnce(Collection<String> keys, Map<String, Long> counts) {
        return keys.stream().filter(k -> counts.getOrDefault(k, 0L) > 1).toList();
    }

    /**
     * One topic against its store: every record a distinct event, and as many as stored.
     *
     * @param what   the topic (or the part of it), for the messages
     * @param stored the rows of the same events in the event store
     * @return what failed, empty when both hold
     */
    public static List<String> againstStore(String what, List<TopicEvent> events, long stored) {
        List<String> failures = new ArrayList<>();
        long twice = republished(events);
        if (twice != 0) {
            failures.add(what + ": " + twice + " events published more than once");
        }
        if (events.size() != stored) {
            failures.add(String.format(Locale.ROOT, "%s: %d events stored but %d on the topic", what, stored, events.size()));
        }
        return failures;
    }

    /** A published event's CloudEvents type: {@code cn.changning.governance.<context>.<Name>.v<version>}. */
    private static final Pattern CLOUD_EVENT_TYPE = Pattern.compile(Pattern.quote(EventTypes.PREFIX) + "[^.]+\\.[^.]+\\.v\\d+");

    /**
     * The event's name from its CloudEvents type, or the type itself for an event that is not published (its class
     * name, which may also start with the prefix and have three parts after it).
     */
    static String name(String type) {
        if (type == null) {
            return "";
        }
        return CLOUD_EVENT_TYPE.matcher(type).matches() ? Objects.requireNonNullElse(EventTypes.simpleName(type), type) : type;
    }
}
