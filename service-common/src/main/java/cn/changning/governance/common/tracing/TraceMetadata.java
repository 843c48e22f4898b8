package cn.changning.governance.common.tracing;

import cn.changning.governance.contracts.RequestIds;
/**
 * The metadata keys of commands and events that say which call caused them. A command sent while
 * a request is handled carries them ({@link TraceMetadataDispatchInterceptor}), the events it
 * causes inherit them ({@link TraceCorrelationDataProvider}), and the publisher writes them as the
 * CloudEvents extension headers {@code ce_traceparent} and {@code ce_requestid}.
 *
 * <p>Not to be confused with Axon's own {@code traceId} and {@code correlationId} metadata
 * ({@code MessageOriginProvider}), which name the first and the causing message's id.</p>
 */
public final class TraceMetadata {

    /** The W3C trace context of the span in which the command was sent ({@code 00-<trace id>-<span id>-<flags>}). */
    public static final String TRACEPARENT = "traceparent";
    /** The request id (see {@link RequestIds}). */
    public static final String REQUEST_ID = "requestId";

    private TraceMetadata() {
    }
}
