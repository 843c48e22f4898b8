package cn.changning.governance.syntheticdata;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * 18-digit resident identity numbers (GB 11643): 6-digit region of first registration, 8-digit birth date,
 * 3-digit sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.
 * Unique within one generator run.
 */
public final class ResidentIdentityNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /** Shanghai's districts (310105 Changning weighs most: most members were first registered here), then others. */
    private static final Weighted<String> REGIONS = new Weighted<String>()
            .add("310105", 300).add("310101", 40).add("310103", 25).add("310104", 60).add("310106", 45)
            .add("310107", 50).add("310108", 20).add("310109", 35).add("310110", 40).add("310112", 35)
            .add("310113", 20).add("310114", 15).add("310115", 60).add("310116", 8).add("310117", 12)
            .add("310118", 10).add("310120", 10).add("310151", 15)
            .add("320102", 8).add("320505", 8).add("330106", 8).add("340103", 6).add("370102", 5)
            .add("410105", 5).add("420106", 5).add("510107", 5).add("110108", 5).add("360102", 4)
            .add("350102", 4).add("430102", 4).add("220102", 3).add("230102", 3);

    private final Set<String> issued = new HashSet<>();

    /** A fresh number for a person born on that date; {@code male} sets the 17th digit's parity. */
    String next(SeededRandom random, LocalDate birthDate, boolean male) {
        StringBuilder body = new StringBuilder(18);
        while (true) {
            int sequence = random.nextInt(500) * 2 + (male ? 1 : 0);
            body.setLength(0);
            body.append(REGIONS.pick(random)).append(birthDate.getYear());
            twoDigits(body, birthDate.getMonthValue());
            twoDigits(body, birthDate.getDayOfMonth());
            body.append((char) ('0' + sequence / 100));
            twoDigits(body, sequence % 100);
            String number = body.append(checkCharacter(body)).toString();
            if (issued.add(number)) {
                return number;
            }
        }
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** The MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public static boolean isValid(String number) {
        if (number == null || number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        return checkCharacter(number) == number.charAt(17);
    }
}
