package cn.changning.governance.syntheticdata;

import java.util.HashSet;
import java.util.Set;

/**
 * Unified social credit codes (GB 32100): registering authority and kind (2 characters), 6-digit region,
 * 9-character organisation code (GB 11714, with its own MOD 11 check) and a MOD 31 check character.
 */
public final class CreditCodes {

    /** The code's alphabet: digits and capitals without I, O, S, V, Z. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final Set<String> issued = new HashSet<>();

    /** A fresh code for a body registered by {@code authorityAndKind} (e.g. "91" enterprise) in {@code region}. */
    String next(SeededRandom random, String authorityAndKind, String region) {
        while (true) {
            StringBuilder body = new StringBuilder(8);
            if (authorityAndKind.startsWith("9") && random.chance(0.55)) {
                // Codes issued since 2015 to new enterprises start "MA"; the rest carry their old organisation code.
                body.append("MA").append(random.pick("123456789ABCDEFGH"));
                for (int i = 0; i < 5; i++) {
                    body.append(random.pick(ALPHABET));
                }
            } else {
                body.append(random.digits(8));
            }
            String first17 = authorityAndKind + region + body + organizationCodeCheck(body);
            String code = first17 + checkCharacter(first17);
            if (issued.add(code)) {
                return code;
            }
        }
    }

    /** GB 11714: 11 - (weighted sum mod 11), 10 as X and 11 as 0; letters count A = 10 … Z = 35. */
    static char organizationCodeCheck(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** GB 32100: weights 3^i mod 31, check = 31 - (sum mod 31), 31 read as 0. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit-code character: " + first17.charAt(i));
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }
}
