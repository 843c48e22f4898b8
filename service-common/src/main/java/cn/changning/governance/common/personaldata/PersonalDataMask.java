package cn.changning.governance.common.personaldata;

/**
 * How a personal value is shown to a reader without the personal-data scope: enough to recognise, not to use
 * (e.g. a phone number {@code 138****5678}, a name {@code 张**}). {@code PersonalDataMask.PHONE.apply("13812345678")}.
 * Characters are counted as code points, so a Chinese name is masked per character.
 */
public enum PersonalDataMask {
    /** The family name's character, the rest starred: {@code 张三丰 → 张**}. */
    NAME {
        @Override
        String mask(int[] c) {
            return c.length == 1 ? "*" : text(c, 0, 1) + stars(c.length - 1);
        }
    },
    /** The first 3 and the last 4 digits: {@code 13812345678 → 138****5678}. */
    PHONE {
        @Override
        String mask(int[] c) {
            return c.length < 8 ? stars(c.length) : text(c, 0, 3) + stars(c.length - 7) + text(c, c.length - 4, c.length);
        }
    },
    /** The region (first 6) and the last 4: {@code 310105198001011234 → 310105********1234}. */
    IDENTITY_NUMBER {
        @Override
        String mask(int[] c) {
            return c.length < 11 ? stars(c.length) : text(c, 0, 6) + stars(c.length - 10) + text(c, c.length - 4, c.length);
        }
    },
    /** The first 6 characters (district and street) and {@code ***}; a short one only its first half. */
    ADDRESS {
        @Override
        String mask(int[] c) {
            return text(c, 0, Math.min(6, c.length / 2)) + "***";
        }
    },
    /** The local part's first character and the domain: {@code zhang@example.cn → z***@example.cn}. */
    EMAIL {
        @Override
        String mask(int[] c) {
            String s = text(c, 0, c.length);
            int at = s.indexOf('@');
            return at <= 0 ? TEXT.mask(c) : s.substring(0, s.offsetByCodePoints(0, 1)) + "***" + s.substring(at);
        }
    },
    /** Free text: its first character only. */
    TEXT {
        @Override
        String mask(int[] c) {
            return c.length <= 2 ? "***" : text(c, 0, 1) + "***";
        }
    };

    /** The masked form of a clear value; null stays null. */
    public String apply(String clear) {
        if (clear == null) {
            return null;
        }
        return clear.isEmpty() ? "" : mask(clear.codePoints().toArray());
    }

    abstract String mask(int[] codePoints);

    private static String text(int[] c, int from, int to) {
        return new String(c, from, to - from);
    }

    private static String stars(int n) {
        return "*".repeat(n);
    }
}
