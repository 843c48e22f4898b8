package cn.changning.governance.partyregistry.projection.record;

import cn.changning.governance.partyregistry.projection.record.RecordDocuments.RecordType;

import java.time.LocalDate;

/** One record of party life; the fields a type does not have are null. */
public record RecordView(String recordId, RecordType type, String organizationId, String memberId, String kind,
                         String title, LocalDate date, Integer participants, String text, String unitId,
                         String streetCode, String residentialAreaCode, String recordedBy, long version) {
}
