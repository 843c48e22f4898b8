package cn.changning.governance.partyregistry.domain.member;

import cn.changning.governance.contracts.registry.Gender;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads the facts the registry keeps in clear from an 18-digit resident identity number (GB 11643): the birth date
 * (digits 7-14) and the gender (digit 17: odd male, even female), after checking its check character (ISO 7064
 * MOD 11-2). The API answers a refusal with 400 naming the field, the import with a row rejection; neither repeats
 * the number.
 */
public final class IdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public record Facts(LocalDate birthDate, Gender gender) {
        public int birthYear() {
            return birthDate.getYear();
        }
    }

    /** A number that is not one; the reason never quotes it. */
    public static final class InvalidIdentityNumber extends IllegalArgumentException {
        InvalidIdentityNumber(String reason) {
            super(reason);
        }

        public String reason() {
            return getMessage();
        }
    }

    private IdentityNumbers() {
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** @throws InvalidIdentityNumber for a number that is not 18 characters, fails its check or names no date */
    public static Facts read(String number) {
        if (number == null || !number.matches("\\d{17}[\\dXx]")) {
            throw new InvalidIdentityNumber("must be 18 characters: 17 digits and a check digit or X");
        }
        if (Character.toUpperCase(number.charAt(17)) != checkCharacter(number)) {
            throw new InvalidIdentityNumber("fails its check digit (ISO 7064 MOD 11-2)");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidIdentityNumber("does not hold a valid birth date");
        }
        Gender gender = (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
        return new Facts(birthDate, gender);
    }

    /** The number as sealed and pseudonymised: an x check character in capitals, so both spellings are one person. */
    public static String normalised(String number) {
        return number.toUpperCase();
    }
}
