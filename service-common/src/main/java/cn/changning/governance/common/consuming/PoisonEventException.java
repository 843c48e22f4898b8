package cn.changning.governance.common.consuming;

/** An event that will never be processed, however often it is retried: it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    private final transient EventRecord event;

    public PoisonEventException(EventRecord event, String reason, Throwable cause) {
        super("event " + event.id() + " (" + event.type() + ", " + event.subject() + "#" + event.sequence() + "): " + reason, cause);
        this.event = event;
    }

    public EventRecord event() {
        return event;
    }
}
