package cn.changning.governance.dispatch.domain;

import java.time.Instant;

/**
 * The payload of a scheduled deadline: the instant it is for. A deadline whose instant no longer matches the
 * order's (an extension moved it) is stale and ignored, so a late cancellation can never fire it.
 */
public record DeadlineDue(Instant dueAt) {
}
