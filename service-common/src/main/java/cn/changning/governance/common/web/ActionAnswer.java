package cn.changning.governance.common.web;

import org.springframework.http.ResponseEntity;

import java.util.function.LongFunction;

/**
 * The answer to an action on an aggregate: 200 with the aggregate's version after the action,
 * in the body (e.g. {@code {"caseId": "...", "version": 4}}) and as the ETag, which the client
 * sends back as {@code If-Match} on its next action.
 */
public final class ActionAnswer {

    private ActionAnswer() {
    }

    /**
     * @param commandResult what the command handler answered: the new version (-1 if it answered none)
     * @param body          the body for that version, e.g. {@code v -> new CaseUpdated(caseId, v)}
     */
    public static <T> ResponseEntity<T> of(Object commandResult, LongFunction<T> body) {
        long version = versionOf(commandResult);
        return ResponseEntity.ok().eTag(ETags.of(version)).body(body.apply(version));
    }

    public static long versionOf(Object commandResult) {
        return commandResult instanceof Number n ? n.longValue() : -1;
    }
}
