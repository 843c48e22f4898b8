package cn.changning.governance.common.idempotency;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A create for the filter's tests: counts its runs, can be told to fail once or to hold its next run. */
@RestController
class IdempotencyProbe {

    /** What the tests see and steer (the controller itself is a proxy of method security). */
    static final class State {
        final AtomicInteger runs = new AtomicInteger();
        /** How the next run ends instead of creating: "500", "exception" or "409"; null: it creates. */
        final AtomicReference<String> failNext = new AtomicReference<>();
        /** When set, the next run counts it down once it is running, then waits for {@link #release}. */
        final AtomicReference<CountDownLatch> holdNext = new AtomicReference<>();
        volatile CountDownLatch release = new CountDownLatch(0);
    }

    private final State state;

    IdempotencyProbe(State state) {
        this.state = state;
    }

    record Thing(String name) {
    }

    @PostMapping("/api/v1/things")
    @RequiresScope(Scopes.CASES_REPORT)
    ResponseEntity<Map<String, Object>> create(Actor actor, @RequestBody Thing thing, IdempotencyKey key) throws InterruptedException {
        int run = state.runs.incrementAndGet();
        CountDownLatch running = state.holdNext.getAndSet(null);
        if (running != null) {
            running.countDown();
            if (!state.release.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        }
        String failure = state.failNext.getAndSet(null);
        if ("500".equals(failure)) {
            return ResponseEntity.internalServerError().body(Map.of("error", "failed"));
        }
        if ("409".equals(failure)) {
            return ResponseEntity.status(409).body(Map.of("error", "refused"));
        }
        if ("exception".equals(failure)) {
            throw new IllegalStateException("the create broke");
        }
        String id = key == null ? "run-" + run : key.derivedId("thing").toString();
        return ResponseEntity.created(URI.create("/api/v1/things/" + id)).eTag("\"0\"")
                .header("X-Thing-Run", Integer.toString(run))
                .body(Map.of("id", id, "name", thing.name(), "run", run, "by", actor.clientId()));
    }
}
