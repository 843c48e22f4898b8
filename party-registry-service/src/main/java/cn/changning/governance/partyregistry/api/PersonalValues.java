package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.personaldata.PersonalDataMask;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.contracts.personal.SealedValue;
import org.springframework.security.core.Authentication;

import java.util.Optional;

/**
 * How the API shows a sealed value to its caller: in clear with the scope {@code registry:personal-data}, masked
 * without it, null once the subject is erased (its key is gone). The one place the registry opens values.
 */
public final class PersonalValues {

    public static final String AUTHORITY = "SCOPE_" + Scopes.REGISTRY_PERSONAL_DATA;

    /** How the values of an answer were shown. */
    public enum Shown { CLEAR, MASKED, ERASED }

    private final PersonalData personalData;
    private final boolean clear;
    private boolean erasedSeen;

    private PersonalValues(PersonalData personalData, boolean clear) {
        this.personalData = personalData;
        this.clear = clear;
    }

    /** For one answer to this caller. */
    public static PersonalValues forCaller(PersonalData personalData, Authentication caller) {
        boolean clear = caller != null && caller.getAuthorities().stream().anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
        return new PersonalValues(personalData, clear);
    }

    /** The value as this caller may see it; null when absent or erased. */
    public String show(SealedValue sealed, String field, PersonalDataMask mask) {
        if (sealed == null) {
            return null;
        }
        Optional<String> opened = personalData.open(sealed, field);
        if (opened.isEmpty()) {
            erasedSeen = true; // erased after the read model last heard of it
            return null;
        }
        return clear ? opened.get() : mask.apply(opened.get());
    }

    /** Whether a value met on the way turned out erased. */
    public boolean erasedSeen() {
        return erasedSeen;
    }

    public Shown shown(boolean erased) {
        return erased || erasedSeen ? Shown.ERASED : clear ? Shown.CLEAR : Shown.MASKED;
    }
}
