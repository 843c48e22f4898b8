package cn.changning.governance.partyregistry.domain.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.LocalDate;

/**
 * Move a member's organisational relation (组织关系转接) to another organisation.
 *
 * @param reason          null when none is given
 * @param expectedVersion the If-Match version (null: no check)
 */
public record TransferPartyMembership(
        @TargetAggregateIdentifier String memberId,
        String toOrganizationId,
        LocalDate transferredOn,
        String reason,
        @TargetAggregateVersion Long expectedVersion) {

    public TransferPartyMembership(String memberId, String toOrganizationId, LocalDate transferredOn, String reason) {
        this(memberId, toOrganizationId, transferredOn, reason, null);
    }
}
