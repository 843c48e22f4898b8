package cn.changning.governance.benchmarks.instances;

/**
 * What one event on a topic says about itself: its CloudEvents id ({@code ce_id}) and type ({@code ce_type}) headers
 * and its record key (the aggregate's id).
 */
public record TopicEvent(String id, String type, String key) {
}
