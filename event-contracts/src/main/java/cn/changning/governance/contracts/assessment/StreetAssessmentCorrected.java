package cn.changning.governance.contracts.assessment;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/** A confirmed street sheet's item was corrected, with a reason and its author; total is the sheet's new total. */
@PublishedEvent(context = "assessment")
public record StreetAssessmentCorrected(
        String assessmentId,
        int year,
        String streetCode,
        String itemCode,
        double fromPoints,
        double toPoints,
        double total,
        String reason,
        String correctedBy,
        Instant correctedAt) {
}
