package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.ResidentEvaluation;
import cn.changning.governance.assessment.domain.indicator.IndicatorValues;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.contracts.identity.ActorKind;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees which agencies and the street ranking in a what-if (pure: the rule, on the real agency directory). */
class WhatIfAudienceTest {

    private static final AgencyDirectory DIRECTORY = AgencyDirectory.load(Geography.load());
    private static final WhatIfAudience AUDIENCE = new WhatIfAudience(DIRECTORY);

    /** Two stationed agencies of one street under different departments, and one of another street. */
    private static final List<Agency> STATIONED = DIRECTORY.list(null, null).stream().filter(a -> a.parentDepartment() != null).toList();
    private static final Agency FIRST = STATIONED.get(0);
    private static final Agency SAME_STREET_OTHER_DEPARTMENT = STATIONED.stream()
            .filter(a -> a.streetCode().equals(FIRST.streetCode()) && !a.parentDepartment().equals(FIRST.parentDepartment())).findFirst().orElseThrow();
    private static final Agency OTHER_STREET_SAME_DEPARTMENT = STATIONED.stream()
            .filter(a -> !a.streetCode().equals(FIRST.streetCode()) && a.parentDepartment().equals(FIRST.parentDepartment())).findFirst().orElseThrow();
    private static final List<AgencyInputs> ALL = List.of(inputs(FIRST), inputs(SAME_STREET_OTHER_DEPARTMENT), inputs(OTHER_STREET_SAME_DEPARTMENT));

    @Test
    void theDistrictSeesEveryAgencyAndTheStreetRanking() {
        Actor district = new Actor("district-centre", ActorKind.DISTRICT_CENTRE, null, null, null);
        assertThat(seen(district)).containsExactly(FIRST.id(), SAME_STREET_OTHER_DEPARTMENT.id(), OTHER_STREET_SAME_DEPARTMENT.id());
        assertThat(AUDIENCE.seesStreetRanking(district)).isTrue();
    }

    @Test
    void aStreetCentreSeesItsOwnStreetsAgenciesAndTheWholeStreetRanking() {
        Actor street = new Actor("street-" + FIRST.streetCode(), ActorKind.STREET_CENTRE, FIRST.streetCode(), null, null);
        assertThat(seen(street)).containsExactly(FIRST.id(), SAME_STREET_OTHER_DEPARTMENT.id());
        assertThat(AUDIENCE.seesStreetRanking(street)).isTrue();
    }

    @Test
    void aDepartmentSeesItsOwnAgenciesAndAnAgencyItselfNeitherTheStreetRanking() {
        Actor department = new Actor("department-x", ActorKind.DEPARTMENT, null, null, FIRST.parentDepartment());
        assertThat(seen(department)).containsExactly(FIRST.id(), OTHER_STREET_SAME_DEPARTMENT.id());
        assertThat(AUDIENCE.seesStreetRanking(department)).isFalse();

        Actor agency = new Actor("agency-" + FIRST.id(), ActorKind.AGENCY, FIRST.streetCode(), FIRST.id(), FIRST.parentDepartment());
        assertThat(seen(agency)).containsExactly(FIRST.id());
        assertThat(AUDIENCE.seesStreetRanking(agency)).isFalse();
    }

    @Test
    void othersSeeNoAssessment() {
        assertThat(AUDIENCE.agencies(new Actor("hotline", ActorKind.PARTNER, null, null, null))).isEmpty();
        assertThat(AUDIENCE.agencies(new Actor("registry", ActorKind.REGISTRY, null, null, null))).isEmpty();
    }

    private static List<String> seen(Actor actor) {
        Predicate<AgencyInputs> shown = AUDIENCE.agencies(actor).orElseThrow();
        return ALL.stream().filter(shown).map(AgencyInputs::agencyId).toList();
    }

    private static AgencyInputs inputs(Agency agency) {
        return new AgencyInputs(agency.id(), agency.streetCode(), IndicatorValues.EMPTY, ResidentEvaluation.NONE);
    }
}
