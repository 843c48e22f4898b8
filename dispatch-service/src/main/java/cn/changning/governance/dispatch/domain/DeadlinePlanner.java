package cn.changning.governance.dispatch.domain;

import java.time.Instant;

/** Where the 80% "due soon" warning falls between an order's start and its deadline (on the working calendar). */
@FunctionalInterface
public interface DeadlinePlanner {

    Instant warningAt(Instant start, Instant deadline);
}
