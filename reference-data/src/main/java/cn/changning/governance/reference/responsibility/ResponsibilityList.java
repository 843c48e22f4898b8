package cn.changning.governance.reference.responsibility;

import cn.changning.governance.reference.ReferenceJson;
import cn.changning.governance.reference.agencies.AgencyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responsibility list (责任清单), from {@value #RESOURCE}: per management item, the department agency type
 * that leads under handling types C and D and the agency types that assist in a joint task; optionally narrowed
 * by street and grid. {@link #route} applies the rules that turn an entry into a dispatch.
 */
public final class ResponsibilityList {

    public static final String RESOURCE = "reference/responsibility-list.v1.json";

    /** Replaces the entry's agency types in one street, or in one grid of it. */
    public record Narrowing(String streetCode, String gridCode, AgencyType departmentLeadType, List<AgencyType> assistingTypes) {
        public Narrowing {
            assistingTypes = assistingTypes == null ? List.of() : List.copyOf(assistingTypes);
        }
    }

    public record Entry(String itemCode, String itemName, AgencyType departmentLeadType, List<AgencyType> assistingTypes,
                        List<Narrowing> narrowings) {
        public Entry {
            assistingTypes = assistingTypes == null ? List.of() : List.copyOf(assistingTypes);
            narrowings = narrowings == null ? List.of() : List.copyOf(narrowings);
        }

        /** The entry as it applies in a street and grid: the grid's narrowing, else the street's, else the entry. */
        public Entry narrowedTo(String streetCode, String gridCode) {
            Optional<Narrowing> match = narrowings.stream()
                    .filter(n -> n.streetCode().equals(streetCode) && n.gridCode() != null && n.gridCode().equals(gridCode))
                    .findFirst()
                    .or(() -> narrowings.stream()
                            .filter(n -> n.streetCode().equals(streetCode) && n.gridCode() == null).findFirst());
            return match.map(n -> new Entry(itemCode, itemName, n.departmentLeadType(), n.assistingTypes(), List.of()))
                    .orElse(new Entry(itemCode, itemName, departmentLeadType, assistingTypes, List.of()));
        }
    }

    /** Who gets the order: the lead agency type and the assisting ones (a joint task when there are any). */
    public record Routing(AgencyType leadType, List<AgencyType> assistingTypes, boolean districtCoordinated) {
        public boolean jointTask() {
            return !assistingTypes.isEmpty();
        }
    }

    private final String version;
    private final Map<String, Entry> byItem;

    public ResponsibilityList(String version, List<Entry> entries) {
        this.version = version;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry entry : entries) {
            ReferenceJson.requireText(entry.itemCode(), "item code");
            if (entry.departmentLeadType() == null) {
                throw new IllegalArgumentException("item " + entry.itemCode() + " has no lead agency type");
            }
            if (entry.assistingTypes().contains(entry.departmentLeadType())) {
                throw new IllegalArgumentException("item " + entry.itemCode() + " lists its lead as an assistant");
            }
            if (map.put(entry.itemCode(), entry) != null) {
                throw new IllegalArgumentException("item listed twice: " + entry.itemCode());
            }
        }
        this.byItem = Map.copyOf(map);
    }

    public static ResponsibilityList load() {
        Json json = ReferenceJson.read(RESOURCE, Json.class);
        return new ResponsibilityList(json.version(), json.entries());
    }

    public String version() {
        return version;
    }

    public Optional<Entry> find(String itemCode) {
        return Optional.ofNullable(itemCode == null ? null : byItem.get(itemCode));
    }

    public List<Entry> entries() {
        return byItem.values().stream().sorted(java.util.Comparator.comparing(Entry::itemCode)).toList();
    }

    /**
     * The dispatch rules. A persistent problem, or an item the list gives assistants, is a joint task led by the
     * list's lead (the squad for persistent problems). Otherwise the handling type decides: A and B are led by the
     * street's own team (B with the list's department agency assisting), C and D by the list's department agency,
     * D followed up by the district centre from the start.
     */
    public Optional<Routing> route(String itemCode, String handlingType, boolean persistentProblem, String streetCode, String gridCode) {
        return find(itemCode).map(e -> e.narrowedTo(streetCode, gridCode)).map(entry -> {
            boolean district = "D".equals(handlingType);
            if (persistentProblem || !entry.assistingTypes().isEmpty()) {
                return new Routing(entry.departmentLeadType(), entry.assistingTypes(), district);
            }
            return switch (handlingType == null ? "C" : handlingType) {
                case "A" -> new Routing(AgencyType.STREET_TEAM, List.of(), false);
                case "B" -> new Routing(AgencyType.STREET_TEAM, assistantsBesides(AgencyType.STREET_TEAM, entry.departmentLeadType()), false);
                default -> new Routing(entry.departmentLeadType(), List.of(), district);
            };
        });
    }

    private static List<AgencyType> assistantsBesides(AgencyType lead, AgencyType department) {
        List<AgencyType> list = new ArrayList<>();
        if (department != lead) {
            list.add(department);
        }
        return list;
    }

    private record Json(String version, String description, List<Entry> entries) {
    }
}
