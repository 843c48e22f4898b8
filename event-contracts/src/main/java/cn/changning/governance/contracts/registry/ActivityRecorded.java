package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * An organisation held a party activity. The place is the organisation's. No personal data: participants are counted,
 * not named.
 *
 * @param recordedBy the client that recorded it
 */
@PublishedEvent(context = "party-registry")
public record ActivityRecorded(
        String activityId,
        String organizationId,
        ActivityKind kind,
        String title,
        LocalDate heldOn,
        int participants,
        String streetCode,
        String residentialAreaCode,
        String recordedBy) {
}
