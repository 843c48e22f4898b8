package cn.changning.governance.assessment.domain.indicator;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static cn.changning.governance.assessment.domain.indicator.IndicatorEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Which period a fact falls in: its date in Asia/Shanghai (UTC+8), never UTC's. */
class IndicatorPeriodBoundaryTest {

    private static final String S = "310105002";
    private static final String L = "310105002-squad";
    private final IndicatorCounter counter = new IndicatorCounter(ZoneId.of("Asia/Shanghai"));

    private OrderFacts dueAt(String caseId, String deadline) {
        return OrderFacts.fold(order(caseId, 0), List.of(
                issued(caseId, 0, S, L, List.of(), t(deadline), t("07-20T02:00")),
                handled(caseId, 0, L, true, t("07-21T02:00"))));
    }

    private Ratio handling(List<OrderFacts> orders, String period) {
        return counter.count(orders, List.of(), SubjectKind.AGENCY, L, ReportingPeriod.parse(period)).of(Indicator.HANDLING_RATE);
    }

    @Test
    void dueAtHalfPastElevenOnTheLastEveningOfJulyInShanghaiIsJulys() {
        List<OrderFacts> orders = List.of(dueAt("B1", "07-31T15:30")); // 23:30 on 31 July in Shanghai
        assertThat(handling(orders, "2026-07")).isEqualTo(new Ratio(1, 1));
        assertThat(handling(orders, "2026-08")).isEqualTo(Ratio.NONE);
    }

    @Test
    void dueAtHalfPastElevenUtcOnTheLastDayOfJulyIsAugustsInShanghai() {
        List<OrderFacts> orders = List.of(dueAt("B2", "07-31T23:30")); // 07:30 on 1 August in Shanghai
        assertThat(handling(orders, "2026-07")).isEqualTo(Ratio.NONE);
        assertThat(handling(orders, "2026-08")).isEqualTo(new Ratio(1, 1));
        assertThat(handling(orders, "2026-Q3")).isEqualTo(new Ratio(1, 1));
        assertThat(handling(orders, "2026")).isEqualTo(new Ratio(1, 1));
        assertThat(handling(orders, "2026-Q2")).isEqualTo(Ratio.NONE);
    }

    @Test
    void anOrderOnHoldIsInNoPeriodUntilResumedThenByItsMovedDeadline() {
        OrderFacts held = OrderFacts.fold("H1-r0", List.of(
                issued("H1", 0, S, L, List.of(), t("07-30T02:00"), t("07-28T02:00")),
                paused("H1", 0, t("07-29T02:00"))));
        assertThat(held.onHold()).isTrue();
        assertThat(handling(List.of(held), "2026")).as("no deadline while held, and never overdue").isEqualTo(Ratio.NONE);
        OrderFacts resumed = held.apply(resumed("H1", 0, t("08-03T02:00"), t("08-01T02:00")));
        assertThat(handling(List.of(resumed), "2026-07")).isEqualTo(Ratio.NONE);
        assertThat(handling(List.of(resumed), "2026-08")).isEqualTo(new Ratio(0, 1));
    }

    @Test
    void anExtensionMovesAnOrderToTheMonthOfItsNewDeadlineAndCountsItOnce() {
        OrderFacts extended = OrderFacts.fold("E1-r0", List.of(
                issued("E1", 0, S, L, List.of(), t("07-30T02:00"), t("07-28T02:00")),
                extended("E1", 0, t("07-30T02:00"), t("08-02T02:00"), t("07-29T02:00"))));
        assertThat(handling(List.of(extended), "2026-07")).isEqualTo(Ratio.NONE);
        assertThat(handling(List.of(extended), "2026-08")).isEqualTo(new Ratio(0, 1));
        assertThat(handling(List.of(extended), "2026")).isEqualTo(new Ratio(0, 1));
        // its issue stays in July: dispatch-clocked indicators stay there
        assertThat(counter.count(List.of(extended), List.of(), SubjectKind.AGENCY, L, ReportingPeriod.parse("2026-07"))
                .of(Indicator.EXTENSION_RATE)).isEqualTo(new Ratio(1, 1));
    }
}
