package cn.changning.governance.systemtests;

import cn.changning.governance.localstack.LocalStack;
import cn.changning.governance.localstack.LocalStackSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** One whole platform (infrastructure, four services, gateway) per test JVM, on free ports. */
final class SharedStack {

    /** The stack's clock, which a test may hold and move on (see {@link MovableClock}). */
    static final MovableClock CLOCK = new MovableClock();

    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                stack = LocalStack.start(LocalStackSettings.forTests(Files.createTempDirectory("governance-stack-")).withClock(CLOCK));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "shared-stack-stop"));
        }
        return stack;
    }
}
