package cn.changning.governance.benchmarks.instances;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OnceCheckTest {

    private static final String REPORTED = "cn.changning.governance.case.CaseReported.v2";
    private static final String FILED = "cn.changning.governance.case.CaseFiled.v1";

    private static TopicEvent event(String id, String type, String key) {
        return new TopicEvent(id, type, key);
    }

    @Test
    void countsOneEventNamePerKeyByItsCloudEventsTypeAndCountsARepublishedEventTwice() {
        List<TopicEvent> events = List.of(event("e1", REPORTED, "c1"), event("e2", FILED, "c1"), event("e3", REPORTED, "c2"),
                event("e3", REPORTED, "c2"), event("e4", "cn.changning.governance.case.CaseReportedAgain.v1", "c3"));

        assertThat(OnceCheck.countByKey(events, "CaseReported")).containsExactly(Map.entry("c1", 1L), Map.entry("c2", 2L));
    }

    @Test
    void namesTheCasesWithNoneAndWithMoreThanOne() {
        Map<String, Long> counts = Map.of("c1", 1L, "c2", 2L);
        List<String> cases = List.of("c1", "c2", "c3");

        assertThat(OnceCheck.missing(cases, counts)).containsExactly("c3");
        assertThat(OnceCheck.moreThanOnce(cases, counts)).containsExactly("c2");
    }

    @Test
    void anEventPublishedTwiceIsOneRepublishedRecord() {
        assertThat(OnceCheck.republished(List.of(event("a", REPORTED, "c1"), event("b", REPORTED, "c2")))).isZero();
        assertThat(OnceCheck.republished(List.of(event("a", REPORTED, "c1"), event("a", REPORTED, "c1"),
                event("a", REPORTED, "c1"), event("b", REPORTED, "c2")))).isEqualTo(2);
    }

    @Test
    void theTopicHoldsEachStoredEventOnceOrTheFailuresSayWhat() {
        List<TopicEvent> once = List.of(event("a", REPORTED, "c1"), event("b", REPORTED, "c2"));
        List<TopicEvent> twice = List.of(event("a", REPORTED, "c1"), event("a", REPORTED, "c1"));

        assertThat(OnceCheck.againstStore("case topic", once, 2)).isEmpty();
        assertThat(OnceCheck.againstStore("case topic", once, 3)).singleElement().asString()
                .contains("3 events stored but 2 on the topic");
        // the same count as stored, but one stored event lost and another published twice
        assertThat(OnceCheck.againstStore("case topic", twice, 2)).singleElement().asString()
                .contains("1 events published more than once");
    }

    @Test
    void keepsOnlyTheEventsOfTheGivenKeys() {
        List<TopicEvent> events = List.of(event("a", REPORTED, "c1"), event("b", REPORTED, "other"), event("c", REPORTED, null));

        assertThat(OnceCheck.ofKeys(events, List.of("c1", "c9"))).extracting(TopicEvent::id).containsExactly("a");
    }

    @Test
    void anEventThatIsNotPublishedIsNamedByItsClass() {
        assertThat(OnceCheck.name("cn.changning.governance.cases.internal.Something")).isEqualTo("cn.changning.governance.cases.internal.Something");
        assertThat(OnceCheck.name("cn.changning.governance.cases.CaseReported")).as("a class of that name, not published")
                .isEqualTo("cn.changning.governance.cases.CaseReported");
        assertThat(OnceCheck.name(REPORTED)).isEqualTo("CaseReported");
        assertThat(OnceCheck.name(null)).isEmpty();
    }
}
