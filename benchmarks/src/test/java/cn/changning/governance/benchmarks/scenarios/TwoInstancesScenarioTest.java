package cn.changning.governance.benchmarks.scenarios;

import cn.changning.governance.benchmarks.instances.InstanceWork;
import cn.changning.governance.benchmarks.instances.TopicEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwoInstancesScenarioTest {

    private static final String REPORTED = "cn.changning.governance.case.CaseReported.v2";
    private static final List<String> CASES = List.of("c1", "c2", "c3", "c4");
    private static final long[] COMPLETED = {2, 2};

    private static InstanceWork worked(double calls, double projection) {
        return new InstanceWork(calls, 0, projection > 0 ? Map.of("case-projection", projection) : Map.of());
    }

    private static final InstanceWork[] BOTH_WORKED = {worked(2, 3), worked(3, 1)};

    private static List<TopicEvent> reportedOnce() {
        List<TopicEvent> events = new ArrayList<>();
        for (String c : CASES) {
            events.add(new TopicEvent("id-" + c, REPORTED, c));
        }
        return events;
    }

    @Test
    void everyCaseOnceAsStoredVisibleAndBothInstancesWorkingPasses() {
        TwoInstancesScenario.Checks checks = TwoInstancesScenario.Checks.of(CASES, reportedOnce(), 4, List.of(), COMPLETED, BOTH_WORKED);

        assertThat(checks.failures()).isEmpty();
        assertThat(checks.reportedOnce()).isEqualTo(4);
    }

    @Test
    void aCasePublishedTwiceFailsAsDoneTwiceAndAsRepublished() {
        List<TopicEvent> events = reportedOnce();
        events.add(new TopicEvent("id-c2", REPORTED, "c2"));

        TwoInstancesScenario.Checks checks = TwoInstancesScenario.Checks.of(CASES, events, 4, List.of(), COMPLETED, BOTH_WORKED);

        assertThat(checks.reportedOnce()).isEqualTo(3);
        assertThat(checks.failures()).anySatisfy(f -> assertThat(f).contains("1 created cases have their CaseReported on the case topic more than once, e.g. c2"))
                .anySatisfy(f -> assertThat(f).contains("1 events published more than once"))
                .anySatisfy(f -> assertThat(f).contains("4 events stored but 5 on the topic"));
    }

    @Test
    void aCaseReportedTwiceUnderTwoIdsIsDoneTwiceEvenWhenTheStoreAgrees() {
        List<TopicEvent> events = reportedOnce();
        events.add(new TopicEvent("another-id", REPORTED, "c3"));

        TwoInstancesScenario.Checks checks = TwoInstancesScenario.Checks.of(CASES, events, 5, List.of(), COMPLETED, BOTH_WORKED);

        assertThat(checks.failures()).singleElement().asString().contains("more than once, e.g. c3");
    }

    @Test
    void aLostEventAndACaseMissingFromTheReadModelAreEachNamed() {
        List<TopicEvent> events = reportedOnce().subList(0, 3);

        TwoInstancesScenario.Checks checks = TwoInstancesScenario.Checks.of(CASES, events, 4, List.of("c1"), COMPLETED, BOTH_WORKED);

        assertThat(checks.failures()).hasSize(3)
                .anySatisfy(f -> assertThat(f).contains("1 of 4 created cases have no CaseReported on the case topic, e.g. c4"))
                .anySatisfy(f -> assertThat(f).contains("4 events stored but 3 on the topic"))
                .anySatisfy(f -> assertThat(f).contains("1 created cases are not in the read model").contains("c1"));
    }

    @Test
    void anInstanceWithoutAPartitionOrWithoutCallsFailsTheSplit() {
        InstanceWork[] one = {worked(2, 4), worked(1, 0)};

        TwoInstancesScenario.Checks checks = TwoInstancesScenario.Checks.of(CASES, reportedOnce(), 4, List.of(), COMPLETED, one);

        assertThat(checks.failures()).hasSize(2)
                .anySatisfy(f -> assertThat(f).contains("instance 2 counted 1 HTTP calls for 2 creates"))
                .anySatisfy(f -> assertThat(f).contains("instance 2 handled no record of the case-projection"));
    }

    @Test
    void anInstanceThatCreatedNothingFails() {
        TwoInstancesScenario.Checks checks = TwoInstancesScenario.Checks.of(List.of("c1", "c2"),
                reportedOnce().subList(0, 2), 2, List.of(), new long[]{2, 0}, BOTH_WORKED);

        assertThat(checks.failures()).singleElement().asString().contains("instance 2 created no case");
    }
}
