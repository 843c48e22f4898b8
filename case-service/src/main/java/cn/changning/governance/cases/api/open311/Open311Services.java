package cn.changning.governance.cases.api.open311;

import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue as GeoReport v2 services: each management item a service (its class the group), and the two
 * attributes every item takes. The case has no urgency (the item's time limit sets the deadline), so none is
 * offered: a partner would send a value the case drops.
 */
public final class Open311Services {

    static final String RESIDENTIAL_AREA = "residential_area";
    static final String SOURCE = "source";
    /** What a partner may relay: a resident's own report, the hotline's, or its own system's (the default). */
    static final List<ReportSource> RELAYED_SOURCES = List.of(ReportSource.RESIDENT, ReportSource.HOTLINE_12345,
            ReportSource.PARTNER_SYSTEM);
    static final ReportSource DEFAULT_SOURCE = ReportSource.PARTNER_SYSTEM;

    private final Catalogue catalogue;
    private final Geography geography;

    public Open311Services(Catalogue catalogue, Geography geography) {
        this.catalogue = catalogue;
        this.geography = geography;
    }

    public Optional<ManagementItem> item(String serviceCode) {
        return serviceCode == null ? Optional.empty() : catalogue.find(serviceCode);
    }

    public List<Map<String, Object>> services() {
        return catalogue.items().stream().map(Open311Services::service).toList();
    }

    static Map<String, Object> service(ManagementItem item) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("service_code", item.code());
        s.put("service_name", item.name());
        s.put("description", item.filingCondition());
        s.put("metadata", true); // every item takes the attributes below
        s.put("type", "realtime");
        s.put("keywords", lower(item.category().name()) + ", " + lower(item.itemClass().name()));
        s.put("group", item.itemClass().name());
        return s;
    }

    public Map<String, Object> definition(ManagementItem item) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("service_code", item.code());
        d.put("attributes", List.of(residentialArea(), source()));
        return d;
    }

    private Map<String, Object> residentialArea() {
        List<Map<String, Object>> values = geography.residentialAreas().stream()
                .map(a -> value(a.code(), a.name() + " (" + a.nameZh() + ")")).toList();
        return attribute(RESIDENTIAL_AREA, "Residential area", 1,
                "The residential area (居民区) where the problem is; places a report that gives only an address_string", values);
    }

    private static Map<String, Object> source() {
        List<Map<String, Object>> values = RELAYED_SOURCES.stream()
                .map(s -> value(s.name(), switch (s) {
                    case RESIDENT -> "A resident's own report";
                    case HOTLINE_12345 -> "A call to the 12345 hotline";
                    default -> "The partner's own system";
                })).toList();
        return attribute(SOURCE, "Who found the problem", 2,
                "Who found the problem; " + DEFAULT_SOURCE.name() + " when not given", values);
    }

    private static Map<String, Object> attribute(String code, String question, int order, String description,
                                                 List<Map<String, Object>> values) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("variable", true);
        a.put("code", code);
        a.put("datatype", "singlevaluelist");
        a.put("required", false);
        a.put("datatype_description", question);
        a.put("order", order);
        a.put("description", description);
        a.put("values", values);
        return a;
    }

    private static Map<String, Object> value(String key, String name) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", key);
        v.put("name", name);
        return v;
    }

    /** The area whose code is given; empty for none. */
    Optional<ResidentialArea> area(String code) {
        return code == null ? Optional.empty() : geography.residentialArea(code);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
