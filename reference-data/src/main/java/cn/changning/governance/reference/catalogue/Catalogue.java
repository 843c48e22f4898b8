package cn.changning.governance.reference.catalogue;

import cn.changning.governance.reference.ReferenceJson;
import cn.changning.governance.reference.calendar.TimeLimit;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalogue of management items (管理事项), from {@value #RESOURCE}. Immutable; load once and share. */
public final class Catalogue {

    public static final String RESOURCE = "reference/catalogue.v1.json";

    private final String version;
    private final Map<String, ManagementItem> items;

    public Catalogue(String version, List<ManagementItem> items) {
        this.version = ReferenceJson.requireText(version, "catalogue version");
        Map<String, ManagementItem> byCode = new LinkedHashMap<>();
        for (ManagementItem item : items) {
            if (byCode.putIfAbsent(item.code(), item) != null) {
                throw new IllegalArgumentException("duplicate item code " + item.code());
            }
        }
        // Joint enforcement is keyed on these codes: every persistent problem must have its item.
        for (PersistentProblem problem : PersistentProblem.values()) {
            if (!byCode.containsKey(problem.itemCode())) {
                throw new IllegalArgumentException("no catalogue item for persistent problem " + problem);
            }
        }
        this.items = Collections.unmodifiableMap(byCode);
    }

    public static Catalogue load() {
        CatalogueJson json = ReferenceJson.read(RESOURCE, CatalogueJson.class);
        return new Catalogue(json.version(), json.items().stream().map(ItemJson::toItem).toList());
    }

    public String version() {
        return version;
    }

    public Optional<ManagementItem> find(String code) {
        return Optional.ofNullable(items.get(code));
    }

    public List<ManagementItem> items() {
        return List.copyOf(items.values());
    }

    public List<ManagementItem> items(ItemClass itemClass) {
        return items.values().stream().filter(i -> i.itemClass() == itemClass).toList();
    }

    public List<ManagementItem> items(ItemCategory category) {
        return items.values().stream().filter(i -> i.category() == category).toList();
    }

    public List<ManagementItem> items(HandlingType handlingType) {
        return items.values().stream().filter(i -> i.handlingType() == handlingType).toList();
    }

    public List<ManagementItem> persistentProblems() {
        return items.values().stream().filter(ManagementItem::persistentProblem).toList();
    }

    public ManagementItem item(PersistentProblem problem) {
        return items.get(problem.itemCode());
    }

    private record CatalogueJson(String version, List<ItemJson> items) {
    }

    private record ItemJson(String code, String name, String nameZh, @JsonProperty("class") ItemClass itemClass,
                            ItemCategory category, HandlingType handlingType, String filingCondition,
                            String closingCondition, TimeLimit timeLimit) {

        /** Which items are persistent problems is stated once, by {@link PersistentProblem}'s item codes. */
        ManagementItem toItem() {
            return new ManagementItem(code, name, nameZh, itemClass, category, handlingType, filingCondition,
                    closingCondition, timeLimit, PersistentProblem.ofItemCode(code).isPresent());
        }
    }
}
