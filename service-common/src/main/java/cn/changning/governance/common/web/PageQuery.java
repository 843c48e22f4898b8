package cn.changning.governance.common.web;

/**
 * The page a list request asks for: query parameters {@code page} (0-based, default 0) and
 * {@code size} (default {@value #DEFAULT_SIZE}, at most {@value #MAX_SIZE}). Declare it as a
 * controller method parameter; {@link PageQueryArgumentResolver} fills it, refusing a bad value
 * with 400 naming the parameter, and the OpenAPI document shows both parameters.
 */
public record PageQuery(int page, int size) {

    public static final String PAGE = "page";
    public static final String SIZE = "size";
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageQuery {
        if (page < 0) {
            throw new InvalidParameterException(PAGE, "must be 0 or more (pages count from 0)");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidParameterException(SIZE, "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageQuery first(int size) {
        return new PageQuery(0, size);
    }

    /** How many items come before this page. */
    public long offset() {
        return (long) page * size;
    }
}
