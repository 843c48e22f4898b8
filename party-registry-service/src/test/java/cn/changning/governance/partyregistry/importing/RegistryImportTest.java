package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.partyregistry.domain.RegistryIds;
import cn.changning.governance.syntheticdata.RegistryFile;
import cn.changning.governance.syntheticdata.SyntheticRegistryData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryImportTest extends ImportIntegrationTest {

    @TempDir
    Path dir;

    @Test
    void aSmallGeneratedSetImportsWithItsCountsAndTheSameFilesAgainChangeNothing() throws IOException {
        SyntheticRegistryData.GeneratedFiles files = generate(dir, 1401, 7100);
        // The small scale's rows per file (Scale.SMALL), in import order.
        Map<RegistryFile, Integer> expected = new LinkedHashMap<>();
        expected.put(RegistryFile.ORGANIZATIONS, 60);
        expected.put(RegistryFile.BUILDINGS, 4);
        expected.put(RegistryFile.RESIDENT_UNITS, 30);
        expected.put(RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS, 5);
        expected.put(RegistryFile.TRADE_UNIONS, 5);
        expected.put(RegistryFile.MEMBERS, 200);
        expected.put(RegistryFile.POLICE_OFFICERS, 12);
        expected.put(RegistryFile.AREA_SECRETARIES, 10);
        expected.put(RegistryFile.PARTY_WORKERS, 3);
        long linkedBefore = linkedOfficers();

        for (Map.Entry<RegistryFile, Integer> e : expected.entrySet()) {
            JsonNode job = finished(upload(files, e.getKey()));
            assertThat(job.get("status").asText()).as(e.getKey() + " " + job).isEqualTo("SUCCEEDED");
            assertThat(job.get("rowsRead").asLong()).as(e.getKey().kind()).isEqualTo((long) e.getValue());
            assertThat(job.get("accepted").asLong()).as(e.getKey().kind() + " " + job).isEqualTo((long) e.getValue());
            assertThat(job.get("rejected").asLong()).as(e.getKey().kind()).isZero();
            assertThat(job.get("rowsPerSecond").asDouble()).isPositive();
        }
        // 7 of the 12 officers are party members: each registered linked to the member of the same identity number.
        assertThat(linkedOfficers() - linkedBefore).isEqualTo(7);

        long eventsAfterFirst = events("");
        for (Map.Entry<RegistryFile, Integer> e : expected.entrySet()) {
            JsonNode again = finished(upload(files, e.getKey()));
            assertThat(again.get("unchanged").asLong()).as(e.getKey().kind()).isEqualTo((long) e.getValue());
            assertThat(again.get("accepted").asLong()).isZero();
            assertThat(again.get("rejected").asLong()).isZero();
        }
        assertThat(events("")).as("nothing was sent the second time").isEqualTo(eventsAfterFirst);
    }

    @Test
    void badRowsAreReportedByRowFieldAndReasonAndTheGoodRowsImported() {
        String organizations = """
                code,name,kind,level,parentCode,streetCode,residentialAreaCode,foundedOn
                310105001-7201,中共测试委员会,GOVERNMENT_BODY,COMMITTEE,,310105001,,1990-05-01
                310105001-7202,中共测试第一支部委员会,RESIDENT_UNIT,BRANCH,310105001-7201,310105001,,2001-01-01
                310105001-7203,中共测试第二支部委员会,RESIDENTIAL_AREA,BRANCH,310105001-7201,310105001,310105999999,2001-01-01
                310105001-7204,中共测试第三支部委员会,RESIDENT_UNIT,BRANCH,310105001-7299,310105001,,2001-01-01
                310105001-7205,中共测试第四支部委员会,TWO_NEW,BRANCH,310105001-7201,310105001,,2001-02-30
                """;
        JsonNode orgJob = finished(upload("organizations", organizations));
        assertThat(orgJob.get("accepted").asLong()).isEqualTo(2);
        assertThat(orgJob.get("rejected").asLong()).isEqualTo(3);
        assertThat(rejections(orgJob)).containsExactly(
                "3 residentialAreaCode unknown residential area code 310105999999",
                "4 parentCode unknown organisation code 310105001-7299 (a parent is imported before its children)",
                "5 foundedOn is not a date (yyyy-MM-dd): 2001-02-30");

        // 11010519491231010X: weighted sum 167, 167 mod 11 = 2, check character X (a woman: 17th digit 0 is even); not the
        // standard's example number 11010519491231002X, which the member API test registers and erases in this same context.
        // 110105194912310021 has a wrong check digit.
        // 31010519800101001: weighted sum 130, 130 mod 11 = 9, check character 3 (a man: 17th digit 1 is odd).
        String members = """
                identityNumber,name,gender,phone,address,organizationCode,category,joinedOn
                11010519491231010X,测试甲,FEMALE,13800000001,长宁区华阳路街道安化路1弄1号101室,310105001-7202,FULL,1975-07-01
                110105194912310021,测试乙,FEMALE,13800000002,,310105001-7202,FULL,1975-07-01
                310105198001010013,测试丙,MALE,13800000003,,310105001-7298,FULL,2005-07-01
                310105198001010013,测试丙,MALE,13800000003,,310105001-7202,FULL,2005-13-01
                310105198001010013,测试丙,FEMALE,13800000003,,310105001-7202,FULL,2005-07-01
                """;
        JsonNode memberJob = finished(upload("members", members));
        assertThat(memberJob.get("accepted").asLong()).isEqualTo(1);
        assertThat(memberJob.get("rejected").asLong()).isEqualTo(4);
        assertThat(rejections(memberJob)).containsExactly(
                "2 identityNumber fails its check digit (ISO 7064 MOD 11-2)",
                "3 organizationCode unknown organisation code 310105001-7298",
                "4 joinedOn is not a date (yyyy-MM-dd): 2005-13-01",
                "5 gender does not match the identity number's gender digit");
        String memberId = RegistryIds.member(personalData.pseudonym("party-member", "11010519491231010X"));
        assertThat(eventsOf(memberId)).isEqualTo(1);
        // No rejection repeats a personal value.
        assertThat(String.join("|", rejections(memberJob))).doesNotContain("110105194912310021", "测试乙", "13800000002");
    }

    @Test
    void anUnknownKindOrAHeaderWithoutItsColumnsIsRefusedBeforeAnythingIsStored() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        Long jobsBefore = jdbc.queryForObject("SELECT count(*) FROM registry_import_job", Long.class);
        var unknown = call(HttpMethod.POST, "/api/v1/party/imports?kind=cats", "a,b\n1,2\n", REGISTRY_STAFF, headers);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().toString()).contains("kind");
        var header = call(HttpMethod.POST, "/api/v1/party/imports?kind=buildings", "code,name\nx,y\n", REGISTRY_STAFF,
                new HttpHeaders(headers));
        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(header.getBody().toString()).contains("streetCode");
        var reader = call(HttpMethod.POST, "/api/v1/party/imports?kind=buildings", "code\n", DISTRICT, new HttpHeaders(headers));
        assertThat(reader.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_import_job", Long.class)).isEqualTo(jobsBefore);
    }

    private long linkedOfficers() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%CommunityPoliceOfficerRegistered' AND convert_from(payload, 'UTF8') LIKE '%\"partyMemberId\":\"%'", Long.class);
        return n == null ? 0 : n;
    }

    private List<String> rejections(JsonNode job) {
        JsonNode page = call(HttpMethod.GET, "/api/v1/party/imports/" + job.get("jobId").asText() + "/rejections?size=100",
                null, REGISTRY_STAFF).getBody();
        List<String> lines = new ArrayList<>();
        page.get("items").forEach(r -> lines.add(r.get("row").asLong() + " " + r.get("field").asText() + " "
                + r.get("reason").asText()));
        return lines;
    }
}
