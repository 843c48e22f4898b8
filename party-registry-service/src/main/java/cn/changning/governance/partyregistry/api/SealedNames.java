package cn.changning.governance.partyregistry.api;

import cn.changning.governance.common.personaldata.PersonalData;
import cn.changning.governance.common.personaldata.PersonalDataMask;
import cn.changning.governance.contracts.personal.SealedValue;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The sealed names of secretaries and officers as the caller may see them, through the registry's one opener
 * ({@link PersonalValues}): clear with scope {@code registry:personal-data}, masked otherwise ({@code 张**}), and
 * {@code null} with {@code erased: true} for everyone once the subject is erased. Also seals the names the
 * policing actions take, before any command.
 */
public final class SealedNames {

    /** The name as answered: {@code value} clear or masked ({@code masked}), or null when erased. */
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
        PersonalValues values = PersonalValues.forCaller(personalData, SecurityContextHolder.getContext().getAuthentication());
        String value = values.show(sealed, field, PersonalDataMask.NAME);
        PersonalValues.Shown shown = values.shown(false);
        return new PersonName(value, shown == PersonalValues.Shown.MASKED, shown == PersonalValues.Shown.ERASED);
    }

    public SealedValue seal(String subject, String field, String clear) {
        return personalData.seal(subject, field, clear);
    }

    public String pseudonym(String purpose, String value) {
        return personalData.pseudonym(purpose, value);
    }
}
