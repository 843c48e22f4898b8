package cn.changning.governance.partyregistry.projection.policing;

import cn.changning.governance.contracts.personal.SealedValue;

import java.time.LocalDate;
import java.util.List;

/** The policing read model as the API reads it; names still sealed (the API opens or masks them). */
public final class PolicingViews {

    private PolicingViews() {
    }

    public record Secretary(String secretaryId, SealedValue name, int birthYear, boolean careerEstablishment,
                            LocalDate appointedOn) {
    }

    public record OfficerInPost(String officerId, LocalDate inPostFrom) {
    }

    public record Deputy(String officerId, String partyMemberId, LocalDate appointedOn) {
    }

    public record Warning(String code, String officerId, LocalDate inPostFrom, LocalDate releasedOn) {
    }

    public record Area(String areaCode, String streetCode, Secretary secretary, List<OfficerInPost> officersInPost,
                       Deputy deputySecretary, List<Warning> warnings, long version) {
    }

    public record Officer(String officerId, String badgeNumber, SealedValue name, String partyMemberId,
                          LocalDate joinedPartyOn, String streetCode, long version) {
    }

    public record Posting(String officerId, String areaCode, boolean inPost, LocalDate inPostFrom, LocalDate releasedOn,
                          boolean deputySecretary) {
    }
}
