package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;

/** Where scoring finds the indicators of a subject in a period (the indicator read model). */
public interface IndicatorSource {

    IndicatorValues indicators(SubjectKind kind, String subjectId, ReportingPeriod period);
}
