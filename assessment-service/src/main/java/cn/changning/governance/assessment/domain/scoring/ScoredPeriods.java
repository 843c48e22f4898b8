package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.period.ReportingPeriod;

import java.util.Optional;

/** Where what-if re-scoring finds a scored period (the ratings' and score sheets' read models). */
public interface ScoredPeriods {

    Optional<ScoredPeriod> find(ReportingPeriod period);
}
