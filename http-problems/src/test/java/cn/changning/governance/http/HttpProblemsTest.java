package cn.changning.governance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Tomcat with the module's auto-configuration and Spring Security's firewall, asked as a hostile or broken
 * client would: every refusal is problem+json with type, title, status and detail, and never Tomcat's HTML page, its
 * name, an exception's message or a stack trace.
 */
@SpringBootTest(classes = ProblemsTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"governance.http.max-request-body=1KB",
                "governance.http.body-limits[0].path-prefix=/bulk/",
                "governance.http.body-limits[0].max=4KB"})
class HttpProblemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    RequestMappingHandlerMapping controllers;

    @Test
    void whatTomcatRefusesItselfIsProblemJson() throws Exception {
        for (String target : List.of("/a{b}", "/a%2Fb", "/a%zz", "/a\u0001b", "/../etc/passwd")) {
            RawHttp.Answer answer = RawHttp.send(port, "GET " + target + " HTTP/1.1", "");
            assertProblem(answer, 400);
        }
        RawHttp.Answer tooLarge = RawHttp.get(port, "/only-get", "X-Big: " + "x".repeat(20_000) + "\r\n");
        assertThat(tooLarge.status()).isBetween(400, 431);
        assertProblem(tooLarge, tooLarge.status());
    }

    @Test
    void whatTheFirewallRefusesIs400NamingTheReason() throws Exception {
        for (String[] rejected : new String[][]{{"//only-get", "//"}, {"/only-get;x=1", ";"}, {"/a%25b", "%25"}}) {
            RawHttp.Answer answer = RawHttp.get(port, rejected[0], "");
            JsonNode problem = assertProblem(answer, 400);
            assertThat(problem.get("type").asText()).isEqualTo(Problems.TYPE_BASE + "rejected-request");
            assertThat(problem.get("detail").asText()).as(rejected[0]).contains("\"" + rejected[1] + "\"");
        }
        assertProblem(RawHttp.get(port, "/a%00b", ""), 400);
        assertProblem(RawHttp.get(port, "/only-get", "X-Bad: a\u0007b\r\n"), 400);
    }

    @Test
    void whatReachesTheErrorPageIsProblemJsonWhateverIsAccepted() throws Exception {
        assertProblem(RawHttp.get(port, "/nothing-here", "Accept: text/html\r\n"), 404);
        RawHttp.Answer wrongMethod = RawHttp.send(port, "DELETE /only-get HTTP/1.1", "Accept: text/html\r\n");
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        assertProblem(RawHttp.get(port, "/only-get", "Accept: image/png\r\n"), 406);
        assertProblem(RawHttp.send(port, "POST /echo HTTP/1.1", "Content-Type: text/plain\r\nContent-Length: 2\r\n",
                "hi".getBytes(StandardCharsets.US_ASCII)), 415);
        JsonNode internal = assertProblem(RawHttp.get(port, "/boom", "Accept: text/html\r\n"), 500);
        assertThat(internal.get("type").asText()).isEqualTo(Problems.TYPE_BASE + "internal-error");
        assertProblem(RawHttp.get(port, "/failing-filter", ""), 500);
        assertProblem(RawHttp.get(port, "/error", ""), 404);
    }

    @Test
    void theErrorPageIsNoControllerOperation() {
        // so that springdoc does not list it in a service's API document (it hides only Boot's own)
        assertThat(controllers.getHandlerMethods().keySet()).noneMatch(info -> info.getPatternValues().contains("/error"));
    }

    @Test
    void aContentLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() throws Exception {
        int before = ProblemsTestApplication.BODIES_READ.get();
        // Only the head is sent: the answer comes without the server waiting for the body.
        RawHttp.Answer answer = RawHttp.send(port, "POST /echo HTTP/1.1",
                "Content-Type: application/json\r\nContent-Length: 10485760\r\n");
        JsonNode problem = assertProblem(answer, 413);
        assertThat(problem.get("detail").asText()).contains("1 KB");
        assertThat(ProblemsTestApplication.BODIES_READ.get()).isEqualTo(before);

        assertThat(post("/echo", "Content-Length: 1024\r\n", new byte[1024]).status()).isEqualTo(200);
        assertProblem(post("/echo", "Content-Length: 1025\r\n", new byte[1025]), 413);
    }

    @Test
    void aChunkedBodyIsCountedAsItIsReadAndRefusedWhenItPassesTheLimit() throws Exception {
        int before = ProblemsTestApplication.BODIES_READ.get();
        byte[][] overLimit = {RawHttp.chunk(512), RawHttp.chunk(512), RawHttp.chunk(1), RawHttp.lastChunk()};
        assertProblem(post("/echo", "Transfer-Encoding: chunked\r\n", overLimit), 413);
        assertThat(ProblemsTestApplication.BODIES_READ.get()).isEqualTo(before);

        RawHttp.Answer atLimit = post("/echo", "Transfer-Encoding: chunked\r\n", RawHttp.chunk(512), RawHttp.chunk(512), RawHttp.lastChunk());
        assertThat(atLimit.status()).isEqualTo(200);
        assertThat(JSON.readTree(atLimit.body()).get("bytes").asInt()).isEqualTo(1024);
    }

    @Test
    void aPathPrefixCanTakeMore() throws Exception {
        RawHttp.Answer chunked = post("/bulk/echo", "Transfer-Encoding: chunked\r\n", RawHttp.chunk(3000), RawHttp.lastChunk());
        assertThat(chunked.status()).isEqualTo(200);
        assertThat(JSON.readTree(chunked.body()).get("bytes").asInt()).isEqualTo(3000);
        assertThat(post("/bulk/echo", "Content-Length: 4096\r\n", new byte[4096]).status()).isEqualTo(200);
        assertProblem(post("/bulk/echo", "Content-Length: 4097\r\n", new byte[4097]), 413);
        assertProblem(post("/bulk/echo", "Transfer-Encoding: chunked\r\n", RawHttp.chunk(4097), RawHttp.lastChunk()), 413);
    }

    private RawHttp.Answer post(String path, String headers, byte[]... body) throws Exception {
        return RawHttp.send(port, "POST " + path + " HTTP/1.1", "Content-Type: application/json\r\n" + headers, body);
    }

    private static JsonNode assertProblem(RawHttp.Answer answer, int status) throws Exception {
        String what = answer.status() + " " + answer.headers() + " " + answer.body();
        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).doesNotContainIgnoringCase("tomcat").doesNotContain("<").doesNotContain("secret")
                .doesNotContain("Exception").doesNotContain("at org.");
        assertThat(answer.header("Server")).as(what).isNull();
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.get("type").asText()).as(what).startsWith(Problems.TYPE_BASE);
        assertThat(problem.get("title").asText()).as(what).isNotBlank();
        assertThat(problem.get("detail").asText()).as(what).isNotBlank();
        assertThat(problem.size()).as(what).isEqualTo(4);
        return problem;
    }
}
