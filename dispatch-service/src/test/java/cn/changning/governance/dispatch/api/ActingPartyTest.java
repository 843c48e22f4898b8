package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.security.Actor;
import cn.changning.governance.contracts.identity.ActorKind;
import cn.changning.governance.common.web.ActorMismatchException;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.geography.Geography;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who an agency action is recorded for: the token's agency, a street's team through its centre, a district unit through the district centre. */
class ActingPartyTest {

    static final AgencyDirectory AGENCIES = AgencyDirectory.load(Geography.load());
    static final ActingParty ACTING = new ActingParty(AGENCIES);

    static final Actor SQUAD = new Actor("agency-310105001-squad", ActorKind.AGENCY, "310105001", "310105001-squad",
            "DISTRICT_CITY_MANAGEMENT_BUREAU");
    static final Actor HUAYANG = new Actor("street-310105001", ActorKind.STREET_CENTRE, "310105001", null, null);
    static final Actor DISTRICT = new Actor("district-centre", ActorKind.DISTRICT_CENTRE, null, null, null);
    static final Actor DEPARTMENT = new Actor("department-district-city-management-bureau", ActorKind.DEPARTMENT, null, null,
            "DISTRICT_CITY_MANAGEMENT_BUREAU");
    static final Actor PARTNER = new Actor("partner-hotline-12345", ActorKind.PARTNER, null, null, null);
    static final String WATER = "310105-water-supply";

    @Test
    void anAgencyActsAsItselfWhetherOrNotTheBodyNamesIt() {
        assertThat(ACTING.of(SQUAD, null)).isEqualTo("310105001-squad");
        assertThat(ACTING.of(SQUAD, "")).isEqualTo("310105001-squad");
        assertThat(ACTING.of(SQUAD, "310105001-squad")).isEqualTo("310105001-squad");
    }

    @Test
    void anAgencyNamingAnotherIsRefusedNamingTheField() {
        for (String other : new String[]{"310105001-police", "310105002-squad", "310105001-street-team", WATER}) {
            assertThatThrownBy(() -> ACTING.of(SQUAD, other)).as(other)
                    .isInstanceOfSatisfying(ActorMismatchException.class, e -> assertThat(e.field()).isEqualTo("agencyId"));
        }
    }

    @Test
    void aStreetCentreActsForItsOwnStreetTeamOnly() {
        assertThat(ACTING.of(HUAYANG, "310105001-street-team")).isEqualTo("310105001-street-team");
        assertThat(ACTING.of(HUAYANG, null)).as("the only party it speaks for").isEqualTo("310105001-street-team");
        for (String other : new String[]{"310105002-street-team", "310105001-squad", WATER, "street-310105001", "nobody"}) {
            assertThatThrownBy(() -> ACTING.of(HUAYANG, other)).as(other).isInstanceOf(ActorMismatchException.class);
        }
    }

    @Test
    void theDistrictCentreActsForTheDistrictUnitsItNames() {
        assertThat(ACTING.of(DISTRICT, WATER)).isEqualTo(WATER);
        assertThat(ACTING.of(DISTRICT, "310105-civil-affairs")).isEqualTo("310105-civil-affairs");
        for (String other : new String[]{null, "310105001-squad", "310105001-street-team", "310105-nowhere"}) {
            assertThatThrownBy(() -> ACTING.of(DISTRICT, other)).as(String.valueOf(other)).isInstanceOf(ActorMismatchException.class);
        }
    }

    @Test
    void noOtherCallerActsForAnAgency() {
        for (Actor actor : new Actor[]{DEPARTMENT, PARTNER}) {
            assertThatThrownBy(() -> ACTING.of(actor, "310105001-squad")).isInstanceOf(ActorMismatchException.class);
            assertThatThrownBy(() -> ACTING.of(actor, null)).isInstanceOf(ActorMismatchException.class);
        }
    }
}
