package cn.changning.governance.partyregistry.domain.police;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerRegistered;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A community police officer (社区民警) as the registry knows them: badge, sealed name, party membership and street.
 * Postings are the residential areas' (ResidentialAreaTeam), so an area's rules are checked where the area is.
 */
public class CommunityPoliceOfficer {

    static final int MAX_BADGE = 32;

    @AggregateIdentifier
    private String officerId;

    protected CommunityPoliceOfficer() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public CommunityPoliceOfficer(RegisterCommunityPoliceOfficer command, Geography geography) {
        if (command.officerId() == null || command.officerId().isBlank()) {
            throw DomainRuleViolation.invalid("officerId-missing", "officerId", "An officer needs an id");
        }
        if (command.badgeNumber() == null || command.badgeNumber().isBlank() || command.badgeNumber().length() > MAX_BADGE) {
            throw DomainRuleViolation.invalid("badge-number-invalid", "badgeNumber",
                    "A badge number of 1 to " + MAX_BADGE + " characters is required");
        }
        if (command.name() == null) {
            throw DomainRuleViolation.invalid("name-missing", "name", "An officer needs a name");
        }
        if (command.streetCode() == null || geography.subdistrict(command.streetCode()).isEmpty()) {
            throw DomainRuleViolation.invalid("unknown-street", "streetCode", "No street " + command.streetCode());
        }
        if (command.joinedPartyOn() != null && command.partyMemberId() == null) {
            throw DomainRuleViolation.invalid("joined-party-without-membership", "joinedPartyOn",
                    "An officer who joined the party is linked to a party membership (partyMemberId)");
        }
        apply(new CommunityPoliceOfficerRegistered(command.officerId(), command.badgeNumber(), command.name(),
                command.partyMemberId(), command.joinedPartyOn(), command.streetCode()));
    }

    @EventSourcingHandler
    void on(CommunityPoliceOfficerRegistered event) {
        officerId = event.officerId();
    }
}
