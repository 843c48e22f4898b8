package cn.changning.governance.assessment.domain.scoring;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;

import java.util.Map;

/** Where scoring finds what residents said of a subject in a period (the survey and feedback read models). */
public interface ResidentEvaluationSource {

    ResidentEvaluation evaluation(SubjectKind kind, String subjectId, ReportingPeriod period);

    /** Every subject of a kind at once, by id; a subject nobody spoke about is missing or {@link ResidentEvaluation#NONE}. */
    Map<String, ResidentEvaluation> evaluations(SubjectKind kind, ReportingPeriod period);
}
