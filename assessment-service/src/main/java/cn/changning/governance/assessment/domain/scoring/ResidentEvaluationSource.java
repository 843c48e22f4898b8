package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;

/** Where scoring finds what residents said of a subject in a period (the survey and feedback read models). */
public interface ResidentEvaluationSource {

    ResidentEvaluation evaluation(SubjectKind kind, String subjectId, ReportingPeriod period);
}
