package cn.changning.governance.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A body read already is handed on whole, to blocking and to non-blocking readers alike. */
class BufferedBodyRequestTest {

    private static final byte[] BODY = "{\"itemCode\":\"0101\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBlockingReaderGetsTheWholeBody() throws Exception {
        BufferedBodyRequest request = new BufferedBodyRequest(new MockHttpServletRequest(), BODY);
        assertThat(request.getInputStream().readAllBytes()).isEqualTo(BODY);
        assertThat(request.getReader().readLine()).isEqualTo("{\"itemCode\":\"0101\"}");
    }

    @Test
    void aNonBlockingReaderIsToldTheBodyIsThereThenAllRead() throws Exception {
        ServletInputStream in = new BufferedBodyRequest(new MockHttpServletRequest(), BODY).getInputStream();
        List<String> calls = new ArrayList<>();
        byte[] read = new byte[BODY.length];
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                calls.add("available " + in.isReady());
                assertThat(in.read(read, 0, read.length)).isEqualTo(BODY.length);
            }

            @Override
            public void onAllDataRead() {
                calls.add("all read " + in.isFinished());
            }

            @Override
            public void onError(Throwable t) {
                calls.add("error " + t);
            }
        });
        assertThat(calls).containsExactly("available true", "all read true");
        assertThat(read).isEqualTo(BODY);
    }
}
