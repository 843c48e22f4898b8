package cn.changning.governance.cases.api.open311;

import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A POST requests form read as a report: fields, names, places and refusals, without Spring. */
class Open311ReportTest {

    private static final Geography GEOGRAPHY = Geography.load();
    private static final Open311Services SERVICES = new Open311Services(Catalogue.load(), GEOGRAPHY);
    private static final Open311Places PLACES = new Open311Places(GEOGRAPHY);
    private static final ResidentialArea AREA = GEOGRAPHY.residentialAreas().get(GEOGRAPHY.residentialAreas().size() - 1);
    private static final Grid AREA_GRID = GEOGRAPHY.grid(AREA.gridCode()).orElseThrow();

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>(Map.of("service_code", "0101", "description", "Cover missing",
                "lat", "31.2204", "long", "121.4240"));
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                form.remove(pairs[i]);
            } else {
                form.put(pairs[i], pairs[i + 1]);
            }
        }
        return form;
    }

    private static Open311Report read(String... pairs) {
        return Open311Report.read(form(pairs), SERVICES, PLACES);
    }

    private static void refused(int status, String field, String... pairs) {
        assertThatThrownBy(() -> read(pairs)).isInstanceOfSatisfying(Open311Exception.class, e -> {
            assertThat(e.status().value()).isEqualTo(status);
            assertThat(e.getMessage()).startsWith(field);
        });
    }

    @Test
    void theFormsFieldsBecomeTheReportWithTheDescriptionExactlyAsSent() {
        Open311Report report = read("description", "Cover missing\r\nat the bus stop\r\n", "first_name", "Li",
                "last_name", "Wei", "phone", "13812345678", "email", "li@example.cn", "address_string", "Huayang Rd 1",
                "device_id", "d-1", "account_id", "a-1", "media_url", "http://example.cn/1.jpg", "attribute[fixmystreet_id]", "7");

        assertThat(report.item().code()).isEqualTo("0101");
        assertThat(report.description()).isEqualTo("Cover missing\r\nat the bus stop\r\n");
        assertThat(report.location().latitude()).isEqualTo(31.2204);
        assertThat(report.location().longitude()).isEqualTo(121.4240);
        assertThat(report.location().address()).isEqualTo("Huayang Rd 1");
        assertThat(report.name()).isEqualTo("Li Wei");
        assertThat(report.phone()).isEqualTo("13812345678");
        assertThat(report.email()).isEqualTo("li@example.cn");
        assertThat(report.source()).isEqualTo(ReportSource.PARTNER_SYSTEM);
    }

    @Test
    void aNameWithoutASpaceIsKeptWholeAndEitherPartAloneIsTheName() {
        assertThat(read("first_name", "王小明").name()).isEqualTo("王小明");
        assertThat(read("first_name", "王小明", "last_name", "").name()).isEqualTo("王小明");
        assertThat(read("last_name", "Wang").name()).isEqualTo("Wang");
        assertThat(read().name()).isNull();
        refused(400, "first_name, last_name", "first_name", "a".repeat(60), "last_name", "b".repeat(60));
    }

    @Test
    void theSourceIsWhatThePartnerRelays() {
        assertThat(read("attribute[source]", "HOTLINE_12345").source()).isEqualTo(ReportSource.HOTLINE_12345);
        refused(400, "attribute[source]", "attribute[source]", "CAMERA");
    }

    @Test
    void anAddressAloneIsPlacedAtTheCentreOfTheGridOfTheAreaItNamesOrTheAttributeGives() {
        Open311Report byAttribute = read("lat", null, "long", null, "address_string", "somewhere", "attribute[residential_area]", AREA.code());
        assertThat(byAttribute.location().latitude()).isEqualTo(AREA_GRID.centre().lat());
        assertThat(byAttribute.location().longitude()).isEqualTo(AREA_GRID.centre().lng());
        assertThat(byAttribute.location().gridCode()).isEqualTo(AREA.gridCode());
        assertThat(byAttribute.location().address()).isEqualTo("somewhere");

        Open311Report byChineseName = read("lat", null, "long", null, "address_string", "长宁区" + AREA.nameZh() + "3号楼");
        assertThat(byChineseName.location().gridCode()).isEqualTo(AREA.gridCode());

        Subdistrict street = GEOGRAPHY.subdistricts().get(1);
        Open311Report byStreet = read("lat", null, "long", null, "address_string", "12 " + street.name().toUpperCase() + ", Shanghai");
        assertThat(GEOGRAPHY.grid(byStreet.location().gridCode()).orElseThrow().subdistrictCode()).isEqualTo(street.code());
    }

    @Test
    void aLocationIsRequiredAndMustBeReadable() {
        refused(400, "address_string could not be placed", "lat", null, "long", null, "address_string", "Nowhere Lane 9");
        refused(400, "lat, long, address_string", "lat", null, "long", null);
        refused(400, "lat, long", "long", null);
        refused(400, "lat", "lat", "north");
        refused(400, "lat", "lat", "1e1");
        refused(400, "long", "long", "181");
        refused(400, "attribute[residential_area]", "attribute[residential_area]", "310105999999");
    }

    @Test
    void theServiceAndTheDescriptionAreRequiredAndChecked() {
        refused(400, "service_code", "service_code", null);
        refused(404, "service_code", "service_code", "9999");
        refused(400, "description", "description", null);
        refused(400, "description", "description", "x".repeat(Open311Report.MAX_DESCRIPTION + 1));
        assertThat(read("description", "x".repeat(Open311Report.MAX_DESCRIPTION)).description()).hasSize(Open311Report.MAX_DESCRIPTION);
        refused(400, "description", "description", "nul\u0000here");
        refused(400, "phone", "phone", "138\n1234");
        refused(400, "email", "email", "not-an-address");
    }
}
