package cn.changning.governance.dispatch.api;

import cn.changning.governance.common.web.ActorMismatchException;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.dispatch.projection.Visibility;
import org.junit.jupiter.api.Test;

import static cn.changning.governance.dispatch.api.ActingPartyTest.AGENCIES;
import static cn.changning.governance.dispatch.api.ActingPartyTest.DEPARTMENT;
import static cn.changning.governance.dispatch.api.ActingPartyTest.DISTRICT;
import static cn.changning.governance.dispatch.api.ActingPartyTest.HUAYANG;
import static cn.changning.governance.dispatch.api.ActingPartyTest.PARTNER;
import static cn.changning.governance.dispatch.api.ActingPartyTest.SQUAD;
import static cn.changning.governance.dispatch.api.ActingPartyTest.WATER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each kind of caller sees of the dispatch read models, and who a decision is recorded for. */
class CallerAccessTest {

    static final CallerAccess ACCESS = new CallerAccess(AGENCIES);

    @Test
    void eachKindSeesItsOwnOrders() {
        assertThat(CallerAccess.visibility(HUAYANG)).isEqualTo(Visibility.ofStreet("310105001"));
        assertThat(CallerAccess.visibility(SQUAD)).isEqualTo(Visibility.ofAgency("310105001-squad"));
        assertThat(CallerAccess.visibility(DISTRICT)).isEqualTo(Visibility.everything());
        assertThat(CallerAccess.visibility(DEPARTMENT)).isEqualTo(Visibility.everything());
        assertThat(CallerAccess.visibility(PARTNER)).isEqualTo(Visibility.nothing());
    }

    @Test
    void aBoardOfAnotherStreetIsNotFoundForAStreetCentreOrAnAgency() {
        assertThatCode(() -> ACCESS.requireStreet(HUAYANG, "310105001")).doesNotThrowAnyException();
        assertThatCode(() -> ACCESS.requireStreet(SQUAD, "310105001")).doesNotThrowAnyException();
        assertThatCode(() -> ACCESS.requireStreet(DISTRICT, "310105002")).doesNotThrowAnyException();
        assertThatCode(() -> ACCESS.requireStreet(DEPARTMENT, "310105002")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ACCESS.requireStreet(HUAYANG, "310105002")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ACCESS.requireStreet(SQUAD, "310105002")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ACCESS.requireStreet(PARTNER, "310105001")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ACCESS.requireStreet(DISTRICT, "999")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anAgencysQueueIsItsOwnAndItsStreetsAndTheDistrictsToo() {
        assertThat(ACCESS.requireAgency(SQUAD, "310105001-squad").id()).isEqualTo("310105001-squad");
        assertThatThrownBy(() -> ACCESS.requireAgency(SQUAD, "310105001-police")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ACCESS.requireAgency(SQUAD, "310105002-squad")).isInstanceOf(NotFoundException.class);

        for (String own : new String[]{"310105001-squad", "310105001-street-team", WATER}) {
            assertThatCode(() -> ACCESS.requireAgency(HUAYANG, own)).as(own).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> ACCESS.requireAgency(HUAYANG, "310105002-squad")).isInstanceOf(NotFoundException.class);

        assertThatCode(() -> ACCESS.requireAgency(DISTRICT, "310105002-squad")).doesNotThrowAnyException();
        assertThatCode(() -> ACCESS.requireAgency(DEPARTMENT, "310105002-squad")).doesNotThrowAnyException();
        assertThatThrownBy(() -> ACCESS.requireAgency(PARTNER, "310105001-squad")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> ACCESS.requireAgency(DISTRICT, "nobody")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDecisionIsTheCallersWhateverTheBodySays() {
        assertThat(CallerAccess.decidedBy(HUAYANG, "arbitratedBy", null)).isEqualTo("street-310105001");
        assertThat(CallerAccess.decidedBy(HUAYANG, "arbitratedBy", "street-310105001")).isEqualTo("street-310105001");
        assertThatThrownBy(() -> CallerAccess.decidedBy(HUAYANG, "arbitratedBy", "huayang-centre"))
                .isInstanceOfSatisfying(ActorMismatchException.class, e -> assertThat(e.field()).isEqualTo("arbitratedBy"));
        assertThat(CallerAccess.decidedBy(DISTRICT, "decidedBy", "")).isEqualTo("district-centre");
    }
}
