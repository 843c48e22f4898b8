package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.LocalDate;

/**
 * The area's community police officer was cross-appointed (交叉任职) deputy party secretary of the residential area:
 * only an officer in post there who is a party member.
 *
 * @param areaCode         the residential area; the aggregate id and record key
 * @param partyMemberId    the officer's party membership
 * @param replacedOfficerId the officer who was deputy secretary until now, or null
 */
@PublishedEvent(context = "party-registry")
public record DeputySecretaryCrossAppointed(String areaCode, String officerId, String partyMemberId, LocalDate appointedOn,
                                            String replacedOfficerId) {
}
