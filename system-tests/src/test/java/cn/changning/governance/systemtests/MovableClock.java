package cn.changning.governance.systemtests;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The shared stack's clock: the system's, until a test holds it still at an instant of its choosing and moves it on
 * (never back), so that working-time deadlines hours or days away fall due in seconds. Let go, it runs on from where
 * it was held. Every service of the stack and its deadline scheduler read it.
 */
final class MovableClock extends Clock {

    private volatile Instant heldAt;
    private volatile Duration ahead = Duration.ZERO;

    synchronized void holdAt(Instant at) {
        if (at.isBefore(instant())) {
            throw new IllegalArgumentException("the stack's clock only moves on: " + at + " is before " + instant());
        }
        heldAt = at;
    }

    synchronized void letGo() {
        if (heldAt != null) {
            ahead = Duration.between(Instant.now(), heldAt);
            heldAt = null;
        }
    }

    @Override
    public Instant instant() {
        Instant held = heldAt;
        return held != null ? held : Instant.now().plus(ahead);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }
}
