package cn.changning.governance.partyregistry.domain.area;

import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.contracts.registry.AreaSecretaryAppointed;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerAssigned;
import cn.changning.governance.contracts.registry.CommunityPoliceOfficerReleased;
import cn.changning.governance.contracts.registry.DeputySecretaryCrossAppointed;
import cn.changning.governance.reference.geography.Geography;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The registry's side of a residential area (one of the reference data's 185, by its code): who leads its party
 * organisation and who polices it. The rules of "one police officer per residential area" (一居一警) live here: the area
 * is never without an officer once it has one (a transfer is first in, then out), an officer leaving in under 5 years
 * is accepted with a warning, and only a party member in post here is cross-appointed deputy secretary.
 *
 * <p>The aggregate exists from its first command (the registry does not invent areas: an unknown code is refused).</p>
 */
public class ResidentialAreaTeam {

    /** A community officer serves at least this long in a community (the report's rule). */
    public static final int YEARS_IN_POST = 5;
    static final int YOUNGEST_SECRETARY_AGE = 18;
    static final int EARLIEST_BIRTH_YEAR = 1920;

    @AggregateIdentifier
    private String areaCode;
    private String secretaryId;
    private LocalDate secretaryAppointedOn;
    /** Officer id → first day in post, in the order they came. */
    private final Map<String, LocalDate> officersInPost = new LinkedHashMap<>();
    private String deputySecretaryOfficerId;

    protected ResidentialAreaTeam() {
        // for Axon: created by its first command, rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AppointAreaSecretary command, Geography geography) {
        requireArea(command.areaCode(), geography);
        require(command.secretaryId(), "secretaryId");
        if (command.name() == null) {
            throw DomainRuleViolation.invalid("name-missing", "name", "A secretary needs a name");
        }
        require(command.appointedOn(), "appointedOn");
        int latestBirthYear = command.appointedOn().getYear() - YOUNGEST_SECRETARY_AGE;
        if (command.birthYear() < EARLIEST_BIRTH_YEAR || command.birthYear() > latestBirthYear) {
            throw DomainRuleViolation.invalid("birth-year-implausible", "birthYear", "A secretary appointed in "
                    + command.appointedOn().getYear() + " is born between " + EARLIEST_BIRTH_YEAR + " and " + latestBirthYear);
        }
        if (command.secretaryId().equals(secretaryId)) {
            return version(); // already in office: a repeated appointment (an import run twice) changes nothing
        }
        if (secretaryAppointedOn != null && command.appointedOn().isBefore(secretaryAppointedOn)) {
            throw DomainRuleViolation.invalid("appointed-before-predecessor", "appointedOn", "The secretary in office was "
                    + "appointed on " + secretaryAppointedOn + "; a successor cannot be appointed before that");
        }
        apply(new AreaSecretaryAppointed(command.areaCode(), command.secretaryId(), command.name(), command.birthYear(),
                command.careerEstablishment(), command.appointedOn(), secretaryId));
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AssignCommunityPoliceOfficer command, Geography geography) {
        requireArea(command.areaCode(), geography);
        require(command.officerId(), "officerId");
        require(command.inPostFrom(), "inPostFrom");
        if (officersInPost.containsKey(command.officerId())) {
            return version(); // already in post here: changes nothing
        }
        apply(new CommunityPoliceOfficerAssigned(command.areaCode(), command.officerId(), command.inPostFrom(),
                !officersInPost.isEmpty()));
        return version();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public OfficerRelease handle(ReleaseCommunityPoliceOfficer command, Geography geography) {
        requireArea(command.areaCode(), geography);
        require(command.officerId(), "officerId");
        require(command.releasedOn(), "releasedOn");
        LocalDate inPostFrom = requireInPost(command.officerId());
        if (command.releasedOn().isBefore(inPostFrom)) {
            throw DomainRuleViolation.invalid("released-before-in-post", "releasedOn",
                    "The officer is in post from " + inPostFrom + "; a release cannot be earlier");
        }
        if (officersInPost.size() == 1) {
            throw DomainRuleViolation.conflict("area-left-without-officer", "Officer " + command.officerId()
                    + " is the only one in post in " + areaCode + ": first in, then out (assign the successor first)");
        }
        boolean successorInPost = officersInPost.entrySet().stream()
                .anyMatch(o -> !o.getKey().equals(command.officerId()) && !o.getValue().isAfter(command.releasedOn()));
        if (!successorInPost) {
            throw DomainRuleViolation.conflict("successor-not-yet-in-post", "No other officer is in post in " + areaCode
                    + " by " + command.releasedOn() + ": the successor must be in post before the predecessor leaves");
        }
        boolean early = command.releasedOn().isBefore(inPostFrom.plusYears(YEARS_IN_POST));
        apply(new CommunityPoliceOfficerReleased(areaCode, command.officerId(), inPostFrom, command.releasedOn(), early,
                command.officerId().equals(deputySecretaryOfficerId)));
        return new OfficerRelease(version(), early);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(CrossAppointDeputySecretary command, Geography geography) {
        requireArea(command.areaCode(), geography);
        require(command.officerId(), "officerId");
        require(command.appointedOn(), "appointedOn");
        LocalDate inPostFrom = requireInPost(command.officerId());
        if (command.partyMemberId() == null || command.partyMemberId().isBlank()) {
            throw DomainRuleViolation.conflict("officer-not-party-member", "Officer " + command.officerId()
                    + " is not a party member: only a party member is cross-appointed deputy party secretary");
        }
        if (command.appointedOn().isBefore(inPostFrom)) {
            throw DomainRuleViolation.invalid("appointed-before-in-post", "appointedOn",
                    "The officer is in post from " + inPostFrom + "; the cross-appointment cannot be earlier");
        }
        if (command.officerId().equals(deputySecretaryOfficerId)) {
            return version(); // already deputy secretary: changes nothing
        }
        apply(new DeputySecretaryCrossAppointed(areaCode, command.officerId(), command.partyMemberId(),
                command.appointedOn(), deputySecretaryOfficerId));
        return version();
    }

    @EventSourcingHandler
    void on(AreaSecretaryAppointed event) {
        areaCode = event.areaCode();
        secretaryId = event.secretaryId();
        secretaryAppointedOn = event.appointedOn();
    }

    @EventSourcingHandler
    void on(CommunityPoliceOfficerAssigned event) {
        areaCode = event.areaCode();
        officersInPost.put(event.officerId(), event.inPostFrom());
    }

    @EventSourcingHandler
    void on(CommunityPoliceOfficerReleased event) {
        officersInPost.remove(event.officerId());
        if (event.deputySecretaryVacated()) {
            deputySecretaryOfficerId = null;
        }
    }

    @EventSourcingHandler
    void on(DeputySecretaryCrossAppointed event) {
        deputySecretaryOfficerId = event.officerId();
    }

    private void requireArea(String code, Geography geography) {
        if (areaCode == null && (code == null || geography.residentialArea(code).isEmpty())) {
            throw new DomainRuleViolation(DomainRuleViolation.Kind.NOT_FOUND, "unknown-residential-area", "areaCode",
                    "No residential area " + code + " in the reference data");
        }
    }

    private LocalDate requireInPost(String officerId) {
        LocalDate inPostFrom = officersInPost.get(officerId);
        if (inPostFrom == null) {
            throw DomainRuleViolation.conflict("officer-not-in-post",
                    "Officer " + officerId + " is not in post in residential area " + (areaCode == null ? "(none yet)" : areaCode));
        }
        return inPostFrom;
    }

    private static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw DomainRuleViolation.invalid(field + "-missing", field, field + " is required");
        }
    }

    private static long version() {
        Long version = AggregateLifecycle.getVersion();
        return version == null ? 0 : version;
    }
}
