package cn.changning.governance.cases.api.open311;

import cn.changning.governance.cases.projection.CaseDocument;
import cn.changning.governance.cases.support.CaseServiceIntegrationTest;
import cn.changning.governance.common.testing.TestCallers;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The facade against GeoReport v2's field lists, in both formats, as a partner's client calls it: plain HTTP, no
 * bearer token, the partner's api_key. Expected values come from the domain (the catalogue and geography, the
 * platform's own API), not from the facade's classes.
 */
class Open311ConformanceIntegrationTest extends CaseServiceIntegrationTest {

    static final String KEY = "dev-open311-partner-hotline-12345";
    static final String OTHER_KEY = "dev-open311-partner-city-platform";
    static final String JURISDICTION = "changning.shanghai.cn";
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final Geography GEOGRAPHY = Geography.load();
    static final Grid GRID = GEOGRAPHY.grids().get(0);
    static final String OFFSET_DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    MongoTemplate mongo;

    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private Answer call(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathAndQuery) {
        return URI.create(http.getRootUri() + "/open311/v2/" + pathAndQuery);
    }

    Answer fetch(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return call(b);
    }

    Answer post(String path, String... pairs) {
        return call(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(pairs))));
    }

    static String form(String... pairs) {
        StringJoiner form = new StringJoiner("&");
        for (int i = 0; i < pairs.length; i += 2) {
            form.add(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    JsonNode json(Answer answer) {
        assertThat(answer.contentType()).isEqualToIgnoringCase("application/json;charset=UTF-8");
        try {
            return objectMapper.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Element xml(Answer answer, String root) {
        assertThat(answer.contentType()).isEqualToIgnoringCase("text/xml;charset=UTF-8");
        try {
            Document doc = Open311WriterTest.dom(answer.body());
            assertThat(answer.text()).doesNotContain("xmlns");
            assertThat(doc.getDocumentElement().getNamespaceURI()).isNull();
            assertThat(doc.getDocumentElement().getTagName()).isEqualTo(root);
            return doc.getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("not XML: " + answer.text(), e);
        }
    }

    /** The direct children of an element with that name. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    static String child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<%s> in <%s>", name, parent.getTagName()).hasSize(1);
        return found.get(0).getTextContent();
    }

    /** The spec's error list, in the format asked for: its one error's code is the status. */
    void assertError(Answer answer, int status, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).doesNotContain("problem");
        if (answer.contentType().startsWith("application/json")) {
            JsonNode errors = json(answer);
            assertThat(errors.isArray()).isTrue();
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
            assertThat(errors.get(0).get("description").asText()).startsWith(field);
        } else {
            Element error = children(xml(answer, "errors"), "error").get(0);
            assertThat(child(error, "code")).isEqualTo(Integer.toString(status));
            assertThat(child(error, "description")).startsWith(field);
        }
    }

    /** Creates a request at the grid's centre and returns its id. */
    String create(String serviceCode, String description, String... more) {
        List<String> pairs = new ArrayList<>(List.of("api_key", KEY, "jurisdiction_id", JURISDICTION,
                "service_code", serviceCode, "lat", Double.toString(GRID.centre().lat()),
                "long", Double.toString(GRID.centre().lng()), "address_string", "长宁区华阳路1号", "description", description));
        pairs.addAll(List.of(more));
        Answer created = post("requests.json", pairs.toArray(String[]::new));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode list = json(created);
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("service_notice").asText()).isNotBlank();
        assertThat(list.get(0).has("token")).as("a request id or a token, never both").isFalse();
        return list.get(0).get("service_request_id").asText();
    }

    JsonNode asPartner(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(PARTNER.token());
        ResponseEntity<String> r = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json(r);
    }

    List<String> listed(String query) {
        Answer answer = fetch("requests.json?" + query);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return json(answer).findValuesAsText("service_request_id");
    }

    @Test
    void discoveryAndTheServicesAreOpenInBothFormats() {
        JsonNode discovery = json(fetch("discovery.json", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "partner.example",
                "X-Forwarded-Port", "8443"));
        assertThat(discovery.get("changeset").asText()).matches(OFFSET_DATETIME);
        assertThat(discovery.get("contact").asText()).isNotBlank();
        assertThat(discovery.get("key_service").asText()).isNotBlank();
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).isEqualTo("https://partner.example:8443/open311/v2");
        assertThat(endpoint.get("type").asText()).isEqualTo("production");
        assertThat(List.of(endpoint.get("formats").get(0).asText(), endpoint.get("formats").get(1).asText()))
                .containsExactly("text/xml", "application/json");
        Element xmlEndpoint = children(children(xml(fetch("discovery.xml"), "discovery"), "endpoints").get(0), "endpoint").get(0);
        assertThat(child(xmlEndpoint, "url")).isEqualTo(http.getRootUri() + "/open311/v2");
        assertThat(children(children(xmlEndpoint, "formats").get(0), "format")).extracting(Node::getTextContent)
                .containsExactly("text/xml", "application/json");

        Catalogue catalogue = Catalogue.load();
        JsonNode services = json(fetch("services.json"));
        assertThat(services).hasSize(catalogue.items().size());
        JsonNode item = get("/api/v1/catalogue/items/0101");
        JsonNode first = services.get(0);
        assertThat(first.get("service_code").asText()).isEqualTo("0101");
        assertThat(first.get("service_name").asText()).isEqualTo(item.get("name").asText());
        assertThat(first.get("metadata").isBoolean()).isTrue();
        assertThat(first.get("type").asText()).isEqualTo("realtime");
        assertThat(first.get("group").asText()).isEqualTo("COMPONENT");
        assertThat(first.get("keywords").asText()).isNotBlank();
        assertThat(first.get("description").asText()).isNotBlank();
        List<Element> xmlServices = children(xml(fetch("services.xml?jurisdiction_id=" + JURISDICTION), "services"), "service");
        assertThat(xmlServices).hasSize(catalogue.items().size());
        assertThat(child(xmlServices.get(0), "metadata")).isEqualTo("true");
        assertThat(xmlServices).extracting(s -> child(s, "group")).containsOnly("COMPONENT", "EVENT", "SERVICE");
    }

    /** The spec documents the facade: the platform's document has neither its paths nor its error answers. */
    @Test
    void theFacadeStaysOutOfTheApiDocument() {
        String document = get("/v3/api-docs").toString();
        assertThat(document).contains("/api/v1/cases").doesNotContain("/open311").doesNotContain("\"format\":\"byte\"");
    }

    @Test
    void aServiceDefinitionGivesItsAttributesWithTheirValues() {
        Element definition = xml(fetch("services/0101.xml"), "service_definition");
        assertThat(child(definition, "service_code")).isEqualTo("0101");
        List<Element> attributes = children(children(definition, "attributes").get(0), "attribute");
        assertThat(attributes).extracting(a -> child(a, "code")).containsExactly("residential_area", "source");
        for (Element a : attributes) {
            assertThat(child(a, "variable")).isEqualTo("true");
            assertThat(child(a, "datatype")).isEqualTo("singlevaluelist");
            assertThat(child(a, "required")).isEqualTo("false");
            assertThat(child(a, "order")).matches("\\d+");
            assertThat(child(a, "datatype_description")).isNotBlank();
            assertThat(child(a, "description")).isNotBlank();
        }
        List<Element> areas = children(children(attributes.get(0), "values").get(0), "value");
        assertThat(areas).hasSize(GEOGRAPHY.residentialAreas().size());
        JsonNode area = get("/api/v1/geography/residential-areas/" + child(areas.get(0), "key"));
        assertThat(child(areas.get(0), "name")).contains(area.get("nameZh").asText());
        assertThat(children(children(attributes.get(1), "values").get(0), "value")).extracting(v -> child(v, "key"))
                .containsExactly("RESIDENT", "HOTLINE_12345", "PARTNER_SYSTEM");

        JsonNode json = json(fetch("services/0101.json"));
        assertThat(json.get("attributes").get(1).get("values").findValuesAsText("key"))
                .containsExactly("RESIDENT", "HOTLINE_12345", "PARTNER_SYSTEM");
        assertError(fetch("services/9999.json"), 404, "service_code");
        assertError(fetch("services/9999.xml"), 404, "service_code");
    }

    @Test
    void refusalsAreTheSpecsErrorListWithTheirStatusInTheFormatAsked() {
        assertError(post("requests.json", "service_code", "0101", "lat", "31.2", "long", "121.4", "description", "x"), 403, "api_key");
        assertError(post("requests.xml", "api_key", "guess", "service_code", "0101", "description", "x"), 403, "api_key");
        assertError(post("requests.json", "api_key", KEY, "description", "x", "lat", "31.2", "long", "121.4"), 400, "service_code");
        assertError(post("requests.xml", "api_key", KEY, "service_code", "9999", "description", "x"), 404, "service_code");
        assertError(post("requests.json", "api_key", KEY, "jurisdiction_id", "xuhui.shanghai.cn", "service_code", "0101"), 404, "jurisdiction_id");
        assertError(post("requests.json", "api_key", KEY, "service_code", "0101", "description", "x", "lat", "north", "long", "121.4"), 400, "lat");
        assertError(post("requests.json", "api_key", KEY, "service_code", "0101", "description", "x".repeat(4001),
                "lat", "31.2", "long", "121.4"), 400, "description");
        assertError(post("requests.json", "api_key", KEY, "service_code", "0101", "description", "x",
                "address_string", "Nowhere Lane 9"), 400, "address_string could not be placed");
        assertError(post("requests.json", "api_key", KEY, "service_code", "0101", "description", "x", "lat", "31.2",
                "long", "121.4", "attribute[source]", "CAMERA"), 400, "attribute[source]");
        assertError(fetch("requests.json"), 403, "api_key");
        assertError(fetch("requests/anything.xml?api_key=" + KEY), 404, "service_request_id");
        assertError(fetch("tokens/anything.json?api_key=" + KEY), 404, "token");
        assertError(fetch("servicerequestupdates.xml?api_key=wrong"), 403, "api_key");
        assertError(fetch("requests.json?api_key=" + KEY + "&start_date=yesterday"), 400, "start_date");
        assertError(fetch("requests.json?api_key=" + KEY + "&status=pending"), 400, "status");
        assertError(fetch("services.csv"), 400, "format");
        assertError(fetch("nothing-here.json"), 404, "no such Open311 endpoint");
        assertError(fetch("services.json?jurisdiction_id=xuhui.shanghai.cn"), 404, "jurisdiction_id");
    }

    @Test
    void aRequestIsTheKeysPartnersCaseWithItsDescriptionExactAndItsReporterSealed() {
        String description = "Manhole cover missing\r\nnear the bus stop\r\n";
        String id = create("0101", description, "first_name", "王小明", "phone", "13812345678",
                "email", "wang@example.cn", "attribute[source]", "HOTLINE_12345", "media_url", "http://example.cn/a.jpg");

        JsonNode view = asPartner("/api/v1/cases/" + id);
        assertThat(view.get("reportedBy").asText()).isEqualTo(PARTNER.clientId());
        assertThat(view.get("description").asText()).isEqualTo(description);
        assertThat(view.get("source").asText()).isEqualTo("HOTLINE_12345");
        assertThat(view.get("itemCode").asText()).isEqualTo("0101");
        assertThat(view.get("location").get("address").asText()).isEqualTo("长宁区华阳路1号");
        JsonNode masked = asPartner("/api/v1/cases/" + id + "/reporter");
        assertThat(masked.get("email").asText()).isEqualTo("w***@example.cn");
        assertThat(masked.get("contact").asText()).isEqualTo("138****5678");
        HttpHeaders centre = new HttpHeaders();
        centre.setBearerAuth(TestCallers.street(streetOf(id)).token());
        JsonNode clear = json(http.exchange("/api/v1/cases/" + id + "/reporter", HttpMethod.GET, new HttpEntity<>(centre), String.class));
        assertThat(clear.get("name").asText()).as("a name without a space, whole").isEqualTo("王小明");
        assertThat(clear.get("contact").asText()).isEqualTo("13812345678");
        assertThat(clear.get("email").asText()).isEqualTo("wang@example.cn");
        String document = await().atMost(Duration.ofSeconds(20)).until(() -> {
            org.bson.Document d = mongo.getCollection(CaseDocument.COLLECTION).find(eq(CaseDocument.ID, id)).first();
            return d == null ? null : d.toJson();
        }, java.util.Objects::nonNull);
        assertThat(document).contains("case-reporter:" + id).doesNotContain("王小明").doesNotContain("13812345678")
                .doesNotContain("wang@example.cn");

        Element request = children(xml(fetch("requests/" + id + ".xml?api_key=" + KEY), "service_requests"), "request").get(0);
        for (String field : REQUEST_FIELDS) {
            assertThat(children(request, field)).as(field).hasSize(1);
        }
        assertThat(child(request, "description")).as("CRLF kept through XML").isEqualTo(description);
        assertThat(child(request, "status")).isEqualTo("open");
        assertThat(child(request, "service_name")).isEqualTo(get("/api/v1/catalogue/items/0101").get("name").asText());
        assertThat(child(request, "requested_datetime")).matches(OFFSET_DATETIME);
        assertThat(Instant.parse(view.get("reportedAt").asText()).getEpochSecond())
                .isEqualTo(java.time.OffsetDateTime.parse(child(request, "requested_datetime")).toEpochSecond());
        assertThat(Double.parseDouble(child(request, "lat"))).isEqualTo(GRID.centre().lat());
        JsonNode json = json(fetch("requests/" + id + ".json?api_key=" + KEY)).get(0);
        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(json.get("description").asText()).isEqualTo(description);
        assertThat(json.get("lat").isNumber()).isTrue();
        assertThat(json.get("updated_datetime").asText()).matches(OFFSET_DATETIME);

        assertError(fetch("requests/" + id + ".json?api_key=" + OTHER_KEY), 404, "service_request_id");
        JsonNode token = json(fetch("tokens/" + id + ".json?api_key=" + KEY)).get(0);
        assertThat(token.get("token").asText()).isEqualTo(id);
        assertThat(token.get("service_request_id").asText()).isEqualTo(id);
        assertError(fetch("tokens/" + id + ".xml?api_key=" + OTHER_KEY), 404, "token");
    }

    /** As the gateway relays a form: chunked, without Content-Length (the service buffers such a body first). */
    @Test
    void aChunkedFormIsReadAsWell() {
        byte[] form = form("api_key", KEY, "service_code", "0101", "lat", Double.toString(GRID.centre().lat()),
                "long", Double.toString(GRID.centre().lng()), "description", "chunked\r\nform").getBytes(StandardCharsets.UTF_8);
        Answer created = call(HttpRequest.newBuilder(uri("requests.xml")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(form))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = child(children(xml(created, "service_requests"), "request").get(0), "service_request_id");
        assertThat(asPartner("/api/v1/cases/" + id).get("description").asText()).isEqualTo("chunked\r\nform");
    }

    @Test
    void theListFiltersByIdsServiceStatusAndWindowAndShowsOnlyThePartnersOwn() {
        String cover = create("0101", "Cover missing");
        String other = create("0102", "Another cover");
        assertThat(action(other, "reject", "{\"reason\":\"INVALID\",\"note\":\"nothing there\"}", "\"0\"").getStatusCode().value()).isEqualTo(200);
        awaitStep(other, "REJECTED", 1);
        String key = "api_key=" + KEY;

        assertThat(listed(key + "&service_request_id=" + cover + "," + other + "&service_code=0103&status=open"))
                .as("an id list overrides the other filters").containsExactlyInAnyOrder(cover, other);
        assertThat(listed(key + "&service_code=0101")).contains(cover).doesNotContain(other);
        assertThat(listed(key + "&status=closed")).contains(other).doesNotContain(cover);
        assertThat(listed(key + "&status=open,closed")).contains(other, cover);
        JsonNode closed = json(fetch("requests/" + other + ".json?" + key)).get(0);
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("status_notes").asText()).isEqualTo("rejected: invalid (nothing there)");
        assertThat(listed("api_key=" + OTHER_KEY)).doesNotContain(cover, other);

        String later = URLEncoder.encode(Instant.now().plus(Duration.ofHours(1)).toString(), StandardCharsets.UTF_8);
        assertThat(listed(key + "&start_date=" + later)).doesNotContain(cover);
        assertError(fetch("requests.json?" + key + "&start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-12-01T00:00:00%2B08:00"),
                400, "start_date, end_date");
        List<String> xmlIds = children(xml(fetch("requests.xml?" + key + "&service_code=0101"), "service_requests"), "request")
                .stream().map(r -> child(r, "service_request_id")).toList();
        assertThat(xmlIds).contains(cover);

        // The default window is the last 90 days: 91 days on, neither is listed without dates, both with them.
        clock.moveOn(Duration.ofDays(91));
        assertThat(listed(key)).doesNotContain(cover, other);
        String start = URLEncoder.encode(Instant.now().minus(Duration.ofDays(1)).toString(), StandardCharsets.UTF_8);
        String end = URLEncoder.encode(Instant.now().plus(Duration.ofDays(1)).toString(), StandardCharsets.UTF_8);
        assertThat(listed(key + "&start_date=" + start + "&end_date=" + end)).contains(cover, other);
        assertError(fetch("requests.json?" + key + "&start_date=" + start), 400, "start_date, end_date");
    }

    @Test
    void theUpdatesFollowEachStepOfThePartnersRequests() {
        String filed = create("0101", "Cover missing");
        String rejected = create("0101", "Cover missing again");
        assertThat(action(filed, "file", "{}", "\"0\"").getStatusCode().value()).isEqualTo(200);
        assertThat(action(rejected, "reject", "{\"reason\":\"OUT_OF_SCOPE\"}", "\"0\"").getStatusCode().value()).isEqualTo(200);
        awaitStep(filed, "FILED", 1);
        awaitStep(rejected, "REJECTED", 1);

        JsonNode updates = json(fetch("servicerequestupdates.json?api_key=" + KEY));
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        updates.forEach(u -> byId.put(u.get("update_id").asText(), u));
        assertThat(byId.get(filed + ":0").get("status").asText()).isEqualTo("open");
        assertThat(byId.get(filed + ":0").get("description").asText()).isEqualTo("Report received.");
        assertThat(byId.get(filed + ":1").get("status").asText()).isEqualTo("open");
        assertThat(byId.get(filed + ":1").get("description").asText()).startsWith("Filed");
        assertThat(byId.get(rejected + ":1").get("status").asText()).isEqualTo("closed");
        assertThat(byId.get(rejected + ":1").get("description").asText()).isEqualTo("Rejected: out of scope.");
        for (JsonNode u : List.of(byId.get(filed + ":1"), byId.get(rejected + ":1"))) {
            assertThat(u.fieldNames()).toIterable().containsExactly("update_id", "service_request_id", "status",
                    "updated_datetime", "description", "media_url");
            assertThat(u.get("updated_datetime").asText()).matches(OFFSET_DATETIME);
        }
        List<String> times = updates.findValuesAsText("updated_datetime");
        assertThat(times).as("oldest first").isSorted();

        Element xmlUpdates = xml(fetch("servicerequestupdates.xml?api_key=" + KEY), "service_request_updates");
        assertThat(children(xmlUpdates, "request_update")).extracting(u -> child(u, "update_id")).contains(filed + ":1", rejected + ":1");
        assertThat(json(fetch("servicerequestupdates.json?api_key=" + OTHER_KEY)).findValuesAsText("service_request_id"))
                .doesNotContain(filed, rejected);
        String before = URLEncoder.encode(Instant.now().minus(Duration.ofHours(2)).toString(), StandardCharsets.UTF_8);
        String hourAgo = URLEncoder.encode(Instant.now().minus(Duration.ofHours(1)).toString(), StandardCharsets.UTF_8);
        assertThat(json(fetch("servicerequestupdates.json?api_key=" + KEY + "&start_date=" + before + "&end_date=" + hourAgo))
                .findValuesAsText("service_request_id")).doesNotContain(filed, rejected);
    }
}
