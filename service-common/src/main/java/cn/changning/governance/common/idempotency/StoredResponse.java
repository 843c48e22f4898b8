package cn.changning.governance.common.idempotency;

import java.util.List;

/**
 * A first answer as it is kept and replayed.
 *
 * @param headers name and value of each header kept, in order (a name may repeat)
 */
record StoredResponse(int status, List<Header> headers, byte[] body) {

    record Header(String name, String value) {
    }
}
