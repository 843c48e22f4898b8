package cn.changning.governance.partyregistry.projection.member;

import cn.changning.governance.contracts.personal.SealedValue;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A member as the read model holds it: personal values sealed (null after erasure); the API opens or masks them. */
public record MemberView(String memberId, String organizationId, SealedValue name, SealedValue identityNumber,
                         SealedValue phone, SealedValue address, Gender gender, int birthYear,
                         PartyMemberCategory category, LocalDate joinedOn, String streetCode,
                         String residentialAreaCode, boolean erased, Instant erasedAt, List<Membership> history,
                         long version) {

    /** One organisation of the member's history: since when, and why the relation moved there (null: joining). */
    public record Membership(String organizationId, LocalDate since, String reason) {
    }
}
