package cn.changning.governance.partyregistry.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The registry's deterministic ids (UUID v3 of {@code <kind>:<natural key>}): the same organisation, member or unit
 * gets the same id on every import, so importing a file twice changes nothing. A member's key is the keyed pseudonym
 * of the identity number ({@code PersonalData.pseudonym("party-member", number)}), never the number itself.
 */
public final class RegistryIds {

    private RegistryIds() {
    }

    public static String organization(String code) {
        return id("party-organization:", code);
    }

    public static String member(String identityNumberPseudonym) {
        return id("party-member:", identityNumberPseudonym);
    }

    public static String building(String code) {
        return id("building:", code);
    }

    public static String residentUnit(String creditCode) {
        return id("resident-unit:", creditCode);
    }

    public static String youthLeague(String code) {
        return id("youth-league:", code);
    }

    public static String tradeUnion(String code) {
        return id("trade-union:", code);
    }

    public static String officer(String badgeNumber) {
        return id("police-officer:", badgeNumber);
    }

    public static String worker(String staffNumber) {
        return id("party-worker:", staffNumber);
    }

    /** The data subject of a member's personal values (its key's name in the key store). */
    public static String memberSubject(String memberId) {
        return "party-member:" + memberId;
    }

    public static String officerSubject(String officerId) {
        return "police-officer:" + officerId;
    }

    public static String workerSubject(String workerId) {
        return "party-worker:" + workerId;
    }

    private static String id(String kind, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("A " + kind + " id needs its key");
        }
        return UUID.nameUUIDFromBytes((kind + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
