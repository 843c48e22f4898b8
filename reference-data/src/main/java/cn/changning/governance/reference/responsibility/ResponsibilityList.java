package cn.changning.governance.reference.responsibility;

import cn.changning.governance.reference.ReferenceJson;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.agencies.PartyType;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.HandlingType;
import cn.changning.governance.reference.catalogue.ItemClass;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The responsibility list (责任清单), from {@value #RESOURCE}: per management item, the party that answers for it
 * (for a component, the owner of the asset: a utility, a district department or one of the street's agencies; for
 * other items, a department's stationed agency or a district department) and the agency types that assist in a
 * joint task; optionally narrowed by street and grid. {@link #route} applies the handling types' rules that turn an
 * entry into a dispatch. The file names items by their catalogue code only; an entry's item name comes from the
 * {@link Catalogue}.
 */
public final class ResponsibilityList {

    public static final String RESOURCE = "reference/responsibility-list.v2.json";

    /** Replaces the entry's party types in one street, or in one grid of it. */
    public record Narrowing(String streetCode, String gridCode, PartyType departmentLeadType, List<PartyType> assistingTypes) {
        public Narrowing {
            assistingTypes = assistingTypes == null ? List.of() : List.copyOf(assistingTypes);
        }
    }

    /**
     * One item's line; {@code itemName} is the catalogue's, carried for readers of the list.
     *
     * @param departmentLeadType the party that answers for the item: it leads under C and D and is the first to
     *                           assist under B (unused under A, where the street handles it alone); for a component
     *                           it is the owner, unless a narrowing says otherwise
     * @param ownerType          for a component (部件) only: the kind of unit that owns the asset
     */
    public record Entry(String itemCode, String itemName, PartyType departmentLeadType, PartyType ownerType,
                        List<PartyType> assistingTypes, List<Narrowing> narrowings) {
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
            return match.map(n -> new Entry(itemCode, itemName, n.departmentLeadType(), ownerType, n.assistingTypes(), List.of()))
                    .orElse(new Entry(itemCode, itemName, departmentLeadType, ownerType, assistingTypes, List.of()));
        }
    }

    /**
     * Who gets the order: the lead party's type and the assisting ones (a joint task when there are any), each an
     * {@link AgencyType} of the case's street or a district unit's type; resolve them with
     * {@code AgencyDirectory.inStreet(street, type)}.
     */
    public record Routing(PartyType leadType, List<PartyType> assistingTypes, boolean districtCoordinated) {
        public Routing {
            assistingTypes = List.copyOf(assistingTypes);
        }

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
     * The dispatch rules: the handling type the case was filed with decides (the brief's reading).
     * <ul>
     *   <li>A: the street's own team handles it alone.</li>
     *   <li>B: the street's own team leads; the party that answers for the item and the list's assistants assist.</li>
     *   <li>C: the party that answers for the item leads (for a component, its owner), the list's assistants and
     *       the street's own team assist.</li>
     *   <li>D: the party that answers for the item leads with the list's assistants, and the district centre
     *       follows the order up from the start.</li>
     * </ul>
     * A persistent problem (管理顽症) is joint enforcement (联勤联动) whatever its type: the street leads it by
     * dispatching, following up and arbitrating, the city-management squad is its backbone (the list's lead part,
     * unless a narrowing names another) and the list's assistants take part. A type without a rule is read as C.
     */
    public Optional<Routing> route(String itemCode, String handlingType, boolean persistentProblem, String streetCode, String gridCode) {
        return find(itemCode).map(e -> e.narrowedTo(streetCode, gridCode)).map(entry -> {
            PartyType answerable = entry.departmentLeadType();
            if (persistentProblem) {
                return new Routing(answerable, besides(answerable, entry.assistingTypes()), "D".equals(handlingType));
            }
            return switch (handlingType == null ? "C" : handlingType) {
                case "A" -> new Routing(AgencyType.STREET_TEAM, List.of(), false);
                case "B" -> new Routing(AgencyType.STREET_TEAM, besides(AgencyType.STREET_TEAM, answerable, entry.assistingTypes()), false);
                case "D" -> new Routing(answerable, besides(answerable, entry.assistingTypes()), true);
                default -> new Routing(answerable, besides(answerable, entry.assistingTypes(), AgencyType.STREET_TEAM), false);
            };
        });
    }

    /** The assistants in order, once each, never the lead itself. */
    private static List<PartyType> besides(PartyType lead, Object... typesOrLists) {
        LinkedHashSet<PartyType> assistants = new LinkedHashSet<>();
        for (Object o : typesOrLists) {
            if (o instanceof PartyType t) {
                assistants.add(t);
            } else if (o instanceof List<?> list) {
                list.forEach(t -> assistants.add((PartyType) t));
            }
        }
        assistants.remove(lead);
        return new ArrayList<>(assistants);
    }

    private record Json(String version, String description, List<EntryJson> entries) {
    }

    /**
     * A component names its owner and no department (the owner answers for it); any other item names the department
     * and no owner. Checked against the item's current handling type so that routing cannot fall back on the street:
     * under B, C and D someone other than the street team must answer for the item, and a component the street
     * handles alone (A) must be the street's own.
     */
    private record EntryJson(String itemCode, PartyType departmentLeadType, PartyType ownerType, List<PartyType> assistingTypes,
                             List<Narrowing> narrowings) {

        Entry toEntry(Catalogue catalogue, Geography geography) {
            ManagementItem item = catalogue.find(itemCode).orElseThrow(() ->
                    new IllegalArgumentException("responsibility list names item " + itemCode + ", which is not in the catalogue"));
            boolean component = item.itemClass() == ItemClass.COMPONENT;
            if (component != (ownerType != null) || component == (departmentLeadType != null)) {
                throw new IllegalArgumentException("item " + itemCode + ": a component names its owner type, any other item its "
                        + "department lead type, and never both");
            }
            PartyType answerable = component ? ownerType : departmentLeadType;
            if (item.handlingType() != HandlingType.A && answerable.isStreetTeam()) {
                throw new IllegalArgumentException("item " + itemCode + " is of type " + item.handlingType()
                        + ": a department or an owner must answer for it, not the street team");
            }
            if (component && item.handlingType() == HandlingType.A && !ownerType.isStreetTeam()) {
                throw new IllegalArgumentException("component " + itemCode + " is handled by the street alone (A) but owned by " + ownerType);
            }
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
            return new Entry(itemCode, item.name(), answerable, ownerType, assistingTypes, narrowings);
        }
    }
}
