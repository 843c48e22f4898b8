package cn.changning.governance.assessment.domain.evaluation;

import java.util.List;

/**
 * What the survey did with a batch: the ids it recorded, those it had recorded before (a re-sent row, not counted
 * twice) and the rows it refused with the reason.
 */
public record SurveyRecording(int recorded, List<String> alreadyRecorded, List<SurveyRowRejection> rejections) {

    public SurveyRecording {
        alreadyRecorded = List.copyOf(alreadyRecorded);
        rejections = List.copyOf(rejections);
    }
}
