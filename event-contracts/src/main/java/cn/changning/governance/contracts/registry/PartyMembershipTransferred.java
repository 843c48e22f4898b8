package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * A member's organisational relation moved to another organisation (组织关系转接). The place fields are the new
 * organisation's, so counts by street and residential area follow the member.
 *
 * @param toResidentialAreaCode null when the new organisation belongs to no residential area
 */
@PublishedEvent(context = "party-registry")
public record PartyMembershipTransferred(
        String memberId,
        String fromOrganizationId,
        String toOrganizationId,
        String toStreetCode,
        String toResidentialAreaCode,
        LocalDate transferredOn,
        String reason) {
}
