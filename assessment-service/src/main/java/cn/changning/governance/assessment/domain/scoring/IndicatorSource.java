package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.indicator.IndicatorSubject;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;

import java.util.Map;

/** Where scoring finds the indicators of a subject in a period (the indicator read model). */
public interface IndicatorSource {

    IndicatorValues indicators(SubjectKind kind, String subjectId, ReportingPeriod period);

    /**
     * Every subject with a fact in the period at once (scoring asks for 70 agencies and 10 streets: one read of the
     * period's facts instead of 80). A subject missing from the map has no fact: {@link IndicatorValues#EMPTY}.
     */
    Map<IndicatorSubject, IndicatorValues> allIndicators(ReportingPeriod period);
}
