package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.personaldata.PersonalDataMask;
import cn.changning.governance.contracts.registry.Gender;
import cn.changning.governance.contracts.registry.PartyMemberCategory;
import cn.changning.governance.partyregistry.projection.member.MemberView;
import cn.changning.governance.partyregistry.projection.register.RegisterViews.PartyWorkerView;
import org.springframework.security.core.Authentication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Members and party workers as a caller sees them: values clear, masked or null (erased), never sealed. */
public final class MemberAnswers {

    static final String NAME = "member.name";
    static final String IDENTITY_NUMBER = "member.identityNumber";
    static final String PHONE = "member.phone";
    static final String ADDRESS = "member.address";
    static final String WORKER_NAME = "worker.name";

    private MemberAnswers() {
    }

    /**
     * @param personalData how the values were shown: CLEAR (scope registry:personal-data), MASKED, or ERASED (all null)
     */
    public record Member(String memberId, String organizationId, String name, String identityNumber, String phone,
                         String address, Gender gender, int birthYear, PartyMemberCategory category, LocalDate joinedOn,
                         String streetCode, String residentialAreaCode, boolean erased, Instant erasedAt,
                         PersonalValues.Shown personalData, long version) {
    }

    public record PartyWorker(String workerId, String staffNumber, String name, String streetCode, boolean fullTime,
                              boolean erased, long version) {
    }

    /** The answer to an erasure: the subject whose key is gone. */
    public record Erasure(String memberId, String subject, boolean erased, long version) {
    }

    public record History(String memberId, List<MemberView.Membership> memberships, long version) {
    }

    static Member member(MemberView v, PersonalData personalData, Authentication caller) {
        PersonalValues values = PersonalValues.forCaller(personalData, caller);
        String name = values.show(v.name(), NAME, PersonalDataMask.NAME);
        String number = values.show(v.identityNumber(), IDENTITY_NUMBER, PersonalDataMask.IDENTITY_NUMBER);
        String phone = values.show(v.phone(), PHONE, PersonalDataMask.PHONE);
        String address = values.show(v.address(), ADDRESS, PersonalDataMask.ADDRESS);
        boolean erased = v.erased() || values.erasedSeen();
        if (erased) {
            name = number = phone = address = null; // one value found erased: none is shown
        }
        return new Member(v.memberId(), v.organizationId(), name, number, phone, address, v.gender(), v.birthYear(),
                v.category(), v.joinedOn(), v.streetCode(), v.residentialAreaCode(), erased, v.erasedAt(),
                values.shown(erased), v.version());
    }

    static PartyWorker worker(PartyWorkerView v, PersonalData personalData, Authentication caller) {
        PersonalValues values = PersonalValues.forCaller(personalData, caller);
        String name = values.show(v.name(), WORKER_NAME, PersonalDataMask.NAME);
        return new PartyWorker(v.workerId(), v.staffNumber(), name, v.streetCode(), v.fullTime(), values.erasedSeen(), v.version());
    }
}
