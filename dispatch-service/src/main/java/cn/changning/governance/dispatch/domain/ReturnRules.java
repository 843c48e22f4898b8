package cn.changning.governance.dispatch.domain;

/**
 * How many returns an order takes in its round before a return goes to the street's binding arbitration on its
 * own (configured as {@code dispatch.returns.before-arbitration}, default {@value #DEFAULT_RETURNS_BEFORE_ARBITRATION}).
 * A resource of the order's handlers, so the domain reads no configuration itself.
 */
public record ReturnRules(int returnsBeforeArbitration) {

    public static final int DEFAULT_RETURNS_BEFORE_ARBITRATION = 2;

    public ReturnRules {
        if (returnsBeforeArbitration < 1) {
            throw new IllegalArgumentException("returns before arbitration must be at least 1, not " + returnsBeforeArbitration);
        }
    }

    /** Whether the return numbered {@code returnCount} in the round goes to binding arbitration. */
    boolean refersToArbitration(int returnCount) {
        return returnCount >= returnsBeforeArbitration;
    }
}
