package cn.changning.governance.contracts.registry;

import cn.changning.governance.contracts.PublishedEvent;

import java.time.Instant;

/**
 * The member's personal data was erased: the key of {@code subject} is destroyed, so every sealed value of the member
 * (in the store, on the topic, in any backup) stays unreadable for ever. Read models drop the sealed values; the facts
 * kept in clear (organisation, gender, birth year, dates) still count.
 */
@PublishedEvent(context = "party-registry")
public record PartyMemberDataErased(
        String memberId,
        String subject,
        Instant erasedAt) {
}
