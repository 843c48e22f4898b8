package cn.changning.governance.partyregistry.domain.area;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A residential-area secretary's id and data subject, the same from the API and the bulk import: the id is UUID v3 of
 * {@code area-secretary:} + the identity number's pseudonym ({@code personalData.pseudonym("area-secretary",
 * number)}), so the same person appointed twice is recognised without the number being kept.
 */
public final class AreaSecretaryIds {

    /** The pseudonym purpose for a secretary's identity number. */
    public static final String PSEUDONYM_PURPOSE = "area-secretary";
    /** The field a secretary's sealed name is bound to. */
    public static final String NAME_FIELD = "secretary.name";

    private AreaSecretaryIds() {
    }

    public static String secretaryId(String identityNumberPseudonym) {
        return UUID.nameUUIDFromBytes(("area-secretary:" + identityNumberPseudonym).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String subject(String secretaryId) {
        return "area-secretary:" + secretaryId;
    }
}
