package cn.changning.governance.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Control characters and overlong values in what the services read of a request are refused naming where. */
class ControlCharacterCheckTest {

    private final ControlCharacterCheck check = new ControlCharacterCheck();

    @Test
    void aCleanRequestPasses() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/cases/abc/file");
        request.setParameter("q", "Yan'an Rd 长宁");
        request.addHeader("If-Match", "\"3\"");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("caseId", "abc"));
        assertThat(check.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
    }

    @Test
    void aControlCharacterAnywhereTheServicesReadIsRefusedNamingIt() {
        refused(request(r -> r.setParameter("q", "a\u0000b")), "q");
        refused(request(r -> r.setParameter("q", "a\nb")), "q");
        refused(request(r -> r.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("caseId", "a\u007fb"))), "caseId");
        refused(request(r -> r.addHeader("If-Match", "\"1\u0001\"")), "If-Match");
        refused(request(r -> r.addHeader("Idempotency-Key", "key\u0000")), "Idempotency-Key");
        refused(request(r -> r.setParameter("q", "x".repeat(ControlCharacterCheck.MAX_LENGTH + 1))), "q");
    }

    private static MockHttpServletRequest request(java.util.function.Consumer<MockHttpServletRequest> change) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/cases");
        change.accept(request);
        return request;
    }

    private void refused(MockHttpServletRequest request, String name) {
        assertThatThrownBy(() -> check.preHandle(request, new MockHttpServletResponse(), new Object()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo(name));
    }
}
