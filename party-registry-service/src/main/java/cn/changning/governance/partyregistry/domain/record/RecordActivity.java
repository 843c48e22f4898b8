package cn.changning.governance.partyregistry.domain.record;

import cn.changning.governance.contracts.registry.ActivityKind;

import java.time.LocalDate;

/** Record a party activity an organisation held; participants are counted, not named. */
public record RecordActivity(String activityId, String organizationId, ActivityKind kind, String title, LocalDate heldOn,
                             int participants, String recordedBy) {
}
