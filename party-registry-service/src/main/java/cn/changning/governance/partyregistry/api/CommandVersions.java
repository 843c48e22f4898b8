package cn.changning.governance.partyregistry.api;

/** The version a registry command answered (its handlers return it); a creation that answered its id is version 0. */
final class CommandVersions {

    private CommandVersions() {
    }

    static long of(Object result) {
        return result instanceof Number number ? number.longValue() : 0;
    }
}
