package cn.changning.governance.common.web;

/**
 * Text that came from a client: what of it may be refused (control characters) and how much of it an error may
 * repeat. An error names the field and the reason; it never echoes more of the input than a short excerpt, with its
 * control characters escaped, so a 10 MB value or a NUL cannot travel back into a response or a log line.
 */
public final class UntrustedText {

    /** How much of a refused value an error repeats. */
    public static final int EXCERPT_LENGTH = 60;

    private UntrustedText() {
    }

    /**
     * The value as an error may quote it: at most {@value #EXCERPT_LENGTH} characters, control characters as
     * {@code \\uXXXX}, and "…" with the full length when cut.
     */
    public static String excerpt(Object value) {
        return excerpt(value, EXCERPT_LENGTH);
    }

    /** As {@link #excerpt(Object)}, cut at {@code max} characters: for whole messages that may hold input. */
    public static String excerpt(Object value, int max) {
        if (value == null) {
            return "null";
        }
        String text = String.valueOf(value);
        int end = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(end + 24);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        if (end < text.length()) {
            out.append("… (").append(text.length()).append(" characters)");
        }
        return out.toString();
    }

    /**
     * Why the text may not be taken, or null: a NUL, DEL or C0 control character. Tab, CR and LF are allowed in free
     * text ({@code freeText}); identifiers, parameters and headers take none.
     */
    public static String controlCharacterProblem(String text, boolean freeText) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && !(freeText && (c == '\t' || c == '\r' || c == '\n'))) {
                return String.format("contains the control character U+%04X at position %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a well-formed pair: one character beyond the BMP
            } else if (Character.isSurrogate(c)) {
                return String.format("contains the unpaired surrogate U+%04X at position %d (not valid Unicode)", (int) c, i);
            } else if (c == '\uFFFD') {
                // What the server's UTF-8 decoding puts for bytes that are not UTF-8 (e.g. %ED%A0%80 in a query).
                return "contains U+FFFD at position " + i + ": the text was not valid UTF-8";
            }
        }
        return null;
    }

    /** C0, DEL and C1 controls. */
    private static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }
}
