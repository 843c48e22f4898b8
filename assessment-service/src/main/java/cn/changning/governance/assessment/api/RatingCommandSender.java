package cn.changning.governance.assessment.api;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.function.Supplier;

/**
 * Where the rating services send their commands and wait for the answer (the command gateway in the service, an
 * in-memory Axon configuration in tests). A refusal is thrown as the aggregate threw it.
 */
@FunctionalInterface
public interface RatingCommandSender {

    Object send(Object command);

    /**
     * Sends {@code command} to an aggregate that may not exist yet: when it does not, sends {@code creation} first and
     * then the command again. Ids are derived from the subject, so a retry finds what the first attempt created.
     */
    default Object sendCreatingIfMissing(Object command, Supplier<Object> creation) {
        try {
            return send(command);
        } catch (AggregateNotFoundException missing) {
            send(creation.get());
            return send(command);
        }
    }
}
