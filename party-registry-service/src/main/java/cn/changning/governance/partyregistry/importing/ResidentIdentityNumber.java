package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.contracts.registry.Gender;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-digit resident identity number (GB 11643) read for the two facts the registry keeps in clear: the birth
 * year and the gender (17th digit odd for men). The number itself is sealed or turned into a pseudonym, never kept.
 */
record ResidentIdentityNumber(LocalDate birthDate, Gender gender) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Why the number is not valid (the reason names no digit of it), or empty when it is. */
    static Optional<String> problem(String number, LocalDate today) {
        if (number.length() != 18) {
            return Optional.of("must have 18 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of("the first 17 characters must be digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(number.charAt(17)) != CHECK.charAt(sum % 11)) {
            return Optional.of("the check digit (ISO 7064 MOD 11-2) does not match");
        }
        LocalDate born;
        try {
            born = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            return Optional.of("the birth date it holds is not a date");
        }
        if (born.isAfter(today) || born.getYear() < 1900) {
            return Optional.of("the birth date it holds is not plausible");
        }
        return Optional.empty();
    }

    /** Reads a number {@link #problem} found valid. */
    static ResidentIdentityNumber read(String number) {
        LocalDate born = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                Integer.parseInt(number.substring(12, 14)));
        return new ResidentIdentityNumber(born, (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    /** The canonical form: an x check character is written X. */
    static String canonical(String number) {
        return number.toUpperCase(java.util.Locale.ROOT);
    }
}
