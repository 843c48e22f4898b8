package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a caller sees of a what-if, by the assessment's reading rule: the district centre every agency and the street
 * ranking; a street centre its own street's agencies (ranked among themselves) and the whole street ranking (the
 * district's assessment of streets is a ranking of all of them); a department its own agencies, an agency itself,
 * neither the street ranking; any other caller nothing (the period answers 404, as one not scored).
 */
final class WhatIfAudience {

    private final AgencyDirectory agencies;

    WhatIfAudience(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    /** The agencies the caller sees; empty when it sees no assessment at all. */
    Optional<Predicate<AgencyInputs>> agencies(Actor actor) {
        return Optional.ofNullable(switch (actor.kind()) {
            case DISTRICT_CENTRE -> a -> true;
            case STREET_CENTRE -> a -> actor.street().equals(a.streetCode());
            case AGENCY -> a -> actor.agency().equals(a.agencyId());
            case DEPARTMENT -> a -> actor.department() != null && agencies.find(a.agencyId()).map(Agency::parentDepartment)
                    .filter(d -> Objects.equals(d, actor.department())).isPresent();
            default -> null;
        });
    }

    boolean seesStreetRanking(Actor actor) {
        return switch (actor.kind()) {
            case DISTRICT_CENTRE, STREET_CENTRE -> true;
            default -> false;
        };
    }
}
