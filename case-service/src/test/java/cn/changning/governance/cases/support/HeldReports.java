package cn.changning.governance.cases.support;

import cn.changning.governance.cases.domain.ReportCase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A test's hand on the reports being handled: the next report with a given description is held before its handler
 * runs (as a slow or crashed request would be) until the test lets it go, or fails there once (as a broken store
 * would). Registered on the command bus of the tests' one context; reports with other descriptions pass.
 */
public final class HeldReports implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** One report to hold: counted down when it is held, and waiting for {@link #release}. */
    public record Hold(String description, CountDownLatch held, CountDownLatch release) {
    }

    private final AtomicReference<Hold> hold = new AtomicReference<>();
    private final AtomicReference<String> failOnce = new AtomicReference<>();

    /** Holds the next report with this description; await {@link Hold#held()}, then count down {@link Hold#release()}. */
    public Hold holdNext(String description) {
        Hold next = new Hold(description, new CountDownLatch(1), new CountDownLatch(1));
        hold.set(next);
        return next;
    }

    /** The next report with this description fails before its handler runs. */
    public void failNext(String description) {
        failOnce.set(description);
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof ReportCase report) {
            String failing = failOnce.get();
            if (report.description().equals(failing) && failOnce.compareAndSet(failing, null)) {
                throw new IllegalStateException("the store broke (a test's failure)");
            }
            Hold current = hold.get();
            if (current != null && current.description().equals(report.description()) && hold.compareAndSet(current, null)) {
                current.held().countDown();
                if (!current.release().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a held report was never released");
                }
            }
        }
        return chain.proceed();
    }
}
