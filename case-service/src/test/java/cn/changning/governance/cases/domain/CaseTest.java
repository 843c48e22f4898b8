package cn.changning.governance.cases.domain;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.CaseReported;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.contracts.cases.Reporter;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class CaseTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final CaseLocation LOCATION = new CaseLocation(31.2155, 121.4231, "310105001001001", "Changning Rd 1");

    private AggregateTestFixture<Case> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Case.class);
    }

    @Test
    void reportingACaseRecordsWhatWhereAndWho() {
        fixture.givenNoPriorActivity()
                .when(new ReportCase("c-1", "0101", LOCATION, "Manhole cover broken", ReportSource.RESIDENT,
                        new Reporter("Li", "138"), NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CaseReported("c-1", "0101", LOCATION, "Manhole cover broken", ReportSource.RESIDENT,
                        new Reporter("Li", "138"), NOW));
    }

    @Test
    void aReportWithoutDescriptionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReportCase("c-1", "0101", LOCATION, "  ", ReportSource.RESIDENT, null, NOW))
                .expectException(DomainRuleViolation.class)
                .expectExceptionMessage("A report needs a description of the problem")
                .expectNoEvents();
    }

    @Test
    void aTooLongDescriptionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ReportCase("c-1", "0101", LOCATION, "x".repeat(Case.MAX_DESCRIPTION + 1), ReportSource.CAMERA, null, NOW))
                .expectException(DomainRuleViolation.class)
                .expectNoEvents();
    }
}
