package cn.changning.governance.common.web;

/**
 * The shapes of the identifiers and codes the API takes, for {@code @Pattern} on request fields and parameters
 * (constants, so annotations can name them). Checked at the boundary: an identifier that cannot exist is refused
 * with 400 naming the field, before it reaches a store or a message.
 */
public final class Identifiers {

    /** Case, order, agency and client ids: letters, digits and {@code . _ : -}, at most 64 characters. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}";
    public static final String ID_MESSAGE = "must be an id: letters, digits and . _ : -, at most 64 characters";
    /** An optional actor field: left out (or null) when not given, else an id; an empty string is refused, not guessed at. */
    public static final String ACTOR = ID;
    public static final String STREET = "\\d{9}";
    public static final String STREET_MESSAGE = "must be a 9-digit street or town code";
    public static final String GRID = "\\d{15}";
    public static final String GRID_MESSAGE = "must be a 15-digit grid code";
    public static final String RESIDENTIAL_AREA = "\\d{12}";
    public static final String RESIDENTIAL_AREA_MESSAGE = "must be a 12-digit residential area code";
    public static final String ITEM = "\\d{4}";
    public static final String ITEM_MESSAGE = "must be a 4-digit item code";
    /** Free text a list may be searched by. */
    public static final int MAX_QUERY_TEXT = 200;

    private Identifiers() {
    }
}
