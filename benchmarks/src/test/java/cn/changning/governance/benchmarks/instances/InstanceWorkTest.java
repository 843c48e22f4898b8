package cn.changning.governance.benchmarks.instances;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceWorkTest {

    private static InstanceMetrics scrape(int creates, int health, int published, int projection, int policy) {
        return InstanceMetrics.parse("""
                http_server_requests_seconds_count{method="POST",status="201",uri="/api/v1/cases"} %d
                http_server_requests_seconds_count{method="GET",status="200",uri="/actuator/health"} %d
                eventProcessor_successCounter_total{processorName="kafka-publisher"} %d
                eventProcessor_successCounter_total{processorName="other-processor"} 999
                governance_consumer_events_total{consumer="case-projection"} %d
                governance_consumer_events_total{consumer="duplicate-policy"} %d
                """.formatted(creates, health, published, projection, policy));
    }

    @Test
    void whatAnInstanceDidIsTheDifferenceOfItsCountersLeavingOutItsActuatorAndOtherProcessors() {
        InstanceWork work = InstanceWork.between(scrape(100, 5, 40, 70, 30), scrape(350, 50, 290, 200, 30));

        assertThat(work.httpCalls()).isEqualTo(250.0);
        assertThat(work.published()).isEqualTo(250.0);
        assertThat(work.records("case-projection")).isEqualTo(130.0);
        assertThat(work.recordsByConsumer()).as("a consumer that handled nothing in between is left out")
                .containsOnlyKeys("case-projection");
        assertThat(work.records()).isEqualTo(130.0);
    }

    @Test
    void aConsumerThatAppearedAfterTheFirstScrapeCountsFromZero() {
        InstanceMetrics before = InstanceMetrics.parse("http_server_requests_seconds_count{uri=\"/api/v1/cases\"} 3\n");

        InstanceWork work = InstanceWork.between(before, scrape(10, 0, 0, 12, 4));

        assertThat(work.httpCalls()).isEqualTo(7.0);
        assertThat(work.recordsByConsumer()).containsEntry("case-projection", 12.0).containsEntry("duplicate-policy", 4.0);
        assertThat(work.records("dispatch-policy")).isZero();
    }
}
