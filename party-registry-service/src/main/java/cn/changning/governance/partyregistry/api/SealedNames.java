package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.contracts.personal.SealedValue;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * A sealed name as the caller may see it: clear with scope {@code registry:personal-data}, masked otherwise, and
 * {@code null} with {@code erased: true} for everyone once its subject is erased. Opened here, in the API layer only:
 * read models and events hold the ciphertext.
 */
public final class SealedNames {

    /** The name as answered: {@code value} clear or masked ({@code masked}), or null when erased or absent. */
    public record PersonName(String value, boolean masked, boolean erased) {
    }

    private final PersonalData personalData;

    public SealedNames(PersonalData personalData) {
        this.personalData = personalData;
    }

    public PersonName show(SealedValue sealed, String field) {
        if (sealed == null) {
            return null;
        }
        Optional<String> clear = personalData.open(sealed, field);
        if (clear.isEmpty()) {
            return new PersonName(null, false, true);
        }
        return callerSeesPersonalData() ? new PersonName(clear.get(), false, false)
                : new PersonName(mask(clear.get()), true, false);
    }

    public SealedValue seal(String subject, String field, String clear) {
        return personalData.seal(subject, field, clear);
    }

    public String pseudonym(String purpose, String value) {
        return personalData.pseudonym(purpose, value);
    }

    static boolean callerSeesPersonalData() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("SCOPE_" + Scopes.REGISTRY_PERSONAL_DATA).equals(a.getAuthority()));
    }

    /** A name's first character and a star for each other one (张三丰 → 张**), as PersonalDataMask.NAME does. */
    static String mask(String name) {
        int[] cps = name.codePoints().toArray();
        if (cps.length == 0) {
            return name;
        }
        return new String(cps, 0, 1) + "*".repeat(Math.max(1, cps.length - 1));
    }
}
