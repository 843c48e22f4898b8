package cn.changning.governance.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A body read already is handed on whole, to blocking and to non-blocking readers alike, and a form's fields with it. */
class BufferedBodyRequestTest {

    private static final byte[] BODY = "{\"itemCode\":\"0101\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aBlockingReaderGetsTheWholeBody() throws Exception {
        BufferedBodyRequest request = new BufferedBodyRequest(new MockHttpServletRequest(), BODY);
        assertThat(request.getInputStream().readAllBytes()).isEqualTo(BODY);
        assertThat(request.getReader().readLine()).isEqualTo("{\"itemCode\":\"0101\"}");
    }

    @Test
    void aFormsFieldsAreReadFromTheBodyAfterTheQuerysAsTheContainerWould() {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/open311/v2/requests.json");
        chunked.setContentType("application/x-www-form-urlencoded; charset=UTF-8");
        chunked.setCharacterEncoding("UTF-8");
        chunked.addParameter("api_key", "from-the-query");
        byte[] form = "api_key=from-the-body&description=%E7%9B%96%E5%AD%90%0D%0Amissing&first_name=&flag&bad=%E0%A4%A"
                .getBytes(StandardCharsets.ISO_8859_1);
        BufferedBodyRequest request = new BufferedBodyRequest(chunked, form);

        assertThat(request.getParameterValues("api_key")).containsExactly("from-the-query", "from-the-body");
        assertThat(request.getParameter("api_key")).isEqualTo("from-the-query");
        assertThat(request.getParameter("description")).isEqualTo("盖子\r\nmissing");
        assertThat(request.getParameter("first_name")).isEmpty();
        assertThat(request.getParameter("flag")).isEmpty();
        assertThat(request.getParameterMap()).doesNotContainKey("bad");
        assertThat(java.util.Collections.list(request.getParameterNames())).containsExactly("api_key", "description", "first_name", "flag");

        MockHttpServletRequest json = new MockHttpServletRequest("POST", "/api/v1/cases");
        json.setContentType("application/json");
        assertThat(new BufferedBodyRequest(json, BODY).getParameterMap()).as("only a form's body holds fields").isEmpty();
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
