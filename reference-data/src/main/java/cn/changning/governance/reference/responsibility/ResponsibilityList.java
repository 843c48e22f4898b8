package cn.changning.governance.reference.responsibility;

import cn.changning.governance.reference.ReferenceJson;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responsibility list (责任清单), from {@value #RESOURCE}: per management item, the department agency type
 * that leads under handling types C and D and the agency types that assist in a joint task; optionally narrowed
 * by street and grid. {@link #route} applies the rules that turn an entry into a dispatch. The file names items by
 * their catalogue code only; an entry's item name comes from the {@link Catalogue}.
 */
public final class ResponsibilityList {

    public static final String RESOURCE = "reference/responsibility-list.v1.json";

    /** Replaces the entry's agency types in one street, or in one grid of it. */
    public record Narrowing(String streetCode, String gridCode, AgencyType departmentLeadType, List<AgencyType> assistingTypes) {
        public Narrowing {
            assistingTypes = assistingTypes == null ? List.of() : List.copyOf(assistingTypes);
        }
    }

    /** One item's line; {@code itemName} is the catalogue's, carried for readers of the list. */
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

    /**
     * Loads the list against the catalogue and the geography: every entry's item must be in the catalogue and every
     * catalogue item on the list (a filed case whose item has no entry could not be dispatched), and a narrowing
     * must name a known street and a grid of that street.
     */
    public static ResponsibilityList load(Catalogue catalogue, Geography geography) {
        Json json = ReferenceJson.read(RESOURCE, Json.class);
        List<Entry> entries = json.entries().stream().map(e -> e.toEntry(catalogue, geography)).toList();
        for (ManagementItem item : catalogue.items()) {
            if (entries.stream().noneMatch(e -> e.itemCode().equals(item.code()))) {
                throw new IllegalArgumentException("catalogue item " + item.code() + " is not on the responsibility list");
            }
        }
        return new ResponsibilityList(json.version(), entries);
    }

    public String version() {
        return version;
    }

    public Optional<Entry> find(String itemCode) {
        return Optional.ofNullable(itemCode == null ? null : byItem.get(itemCode));
    }

    public List<Entry> entries() {
        return byItem.values().stream().sorted(Comparator.comparing(Entry::itemCode)).toList();
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

    private record Json(String version, String description, List<EntryJson> entries) {
    }

    private record EntryJson(String itemCode, AgencyType departmentLeadType, List<AgencyType> assistingTypes,
                             List<Narrowing> narrowings) {

        Entry toEntry(Catalogue catalogue, Geography geography) {
            ManagementItem item = catalogue.find(itemCode).orElseThrow(() ->
                    new IllegalArgumentException("responsibility list names item " + itemCode + ", which is not in the catalogue"));
            for (Narrowing n : narrowings == null ? List.<Narrowing>of() : narrowings) {
                if (geography.subdistrict(n.streetCode()).isEmpty()) {
                    throw new IllegalArgumentException("item " + itemCode + " is narrowed to unknown street " + n.streetCode());
                }
                if (n.gridCode() != null && !geography.grid(n.gridCode()).map(Grid::subdistrictCode)
                        .filter(n.streetCode()::equals).isPresent()) {
                    throw new IllegalArgumentException("item " + itemCode + " is narrowed to grid " + n.gridCode()
                            + ", which is not a grid of street " + n.streetCode());
                }
            }
            return new Entry(itemCode, item.name(), departmentLeadType, assistingTypes, narrowings);
        }
    }
}
