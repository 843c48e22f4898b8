package cn.changning.governance.partyregistry.importing;

/** GB 32100: 17 characters of the code's alphabet and a MOD 31 check character (weights 3^i mod 31). */
final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private UnifiedSocialCreditCode() {
    }

    static boolean isValid(String code) {
        if (code.length() != 18) {
            return false;
        }
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        return ALPHABET.indexOf(code.charAt(17)) == (31 - sum % 31) % 31;
    }
}
