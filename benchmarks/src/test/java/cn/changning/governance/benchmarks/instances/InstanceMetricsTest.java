package cn.changning.governance.benchmarks.instances;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceMetricsTest {

    private static final String SCRAPE = """
            # HELP governance_consumer_events_total Records handled
            # TYPE governance_consumer_events_total counter
            governance_consumer_events_total{consumer="case-projection",service="case-service"} 90.0
            governance_consumer_events_total{consumer="duplicate-policy",service="case-service"} 30.0
            governance_consumer_events_total{consumer="case-projection",service="case-service",outcome="skipped"} 2.0
            http_server_requests_seconds_count{method="GET",status="200",uri="/api/v1/cases/{caseId}"} 12 # {trace_id="abc"} 1.0 1700000000.000
            http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/prometheus"} 7
            http_server_requests_seconds_count{method="POST",status="201",uri="/api/v1/cases",note="a \\"quoted\\", comma"} 3
            jvm_threads_live_threads 41
            """;

    @Test
    void sumsTheSeriesOfANameWhoseLabelsPass() {
        InstanceMetrics metrics = InstanceMetrics.parse(SCRAPE);

        assertThat(metrics.sum("http_server_requests_seconds_count", l -> !l.get("uri").startsWith("/actuator"))).isEqualTo(15.0);
        assertThat(metrics.sum("jvm_threads_live_threads", l -> true)).isEqualTo(41.0);
        assertThat(metrics.sum("absent_total", l -> true)).isZero();
    }

    @Test
    void sumsByOneLabelAcrossTheOthers() {
        assertThat(InstanceMetrics.parse(SCRAPE).sumBy("governance_consumer_events_total", "consumer"))
                .containsEntry("case-projection", 92.0).containsEntry("duplicate-policy", 30.0).hasSize(2);
    }

    @Test
    void aQuotedLabelValueWithCommasAndQuotesIsOneValue() {
        InstanceMetrics metrics = InstanceMetrics.parse(SCRAPE);

        assertThat(metrics.sum("http_server_requests_seconds_count", l -> "201".equals(l.get("status")))).isEqualTo(3.0);
        assertThat(metrics.samples()).filteredOn(s -> "201".equals(s.labels().get("status")))
                .singleElement().satisfies(s -> assertThat(s.labels()).containsEntry("note", "a \\\"quoted\\\", comma"));
    }
}
