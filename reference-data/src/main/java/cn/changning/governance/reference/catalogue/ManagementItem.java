package cn.changning.governance.reference.catalogue;

import cn.changning.governance.reference.ReferenceJson;
import cn.changning.governance.reference.calendar.TimeLimit;
import java.util.Objects;
import java.util.Optional;

/**
 * One management item (管理事项) of the catalogue: what may be filed, how it is handled, when it is due
 * and when it may be closed.
 *
 * @param code 4 digits: 2-digit major class (see {@link ItemCategory}) + 2-digit minor class
 */
public record ManagementItem(String code, String name, String nameZh, ItemClass itemClass, ItemCategory category,
                             HandlingType handlingType, String filingCondition, String closingCondition,
                             TimeLimit timeLimit, boolean persistentProblem) {

    public ManagementItem {
        if (code == null || !code.matches("\\d{4}")) {
            throw new IllegalArgumentException("item code must be 4 digits: " + code);
        }
        ReferenceJson.requireText(name, "item name");
        ReferenceJson.requireText(nameZh, "item Chinese name");
        Objects.requireNonNull(itemClass, "item class");
        Objects.requireNonNull(category, "item category");
        Objects.requireNonNull(handlingType, "item handling type");
        ReferenceJson.requireText(filingCondition, "filing condition");
        ReferenceJson.requireText(closingCondition, "closing condition");
        Objects.requireNonNull(timeLimit, "item time limit");
        String major = category.majorClass(itemClass).orElseThrow(() -> new IllegalArgumentException(
                "item " + code + ": category " + category + " does not apply to " + itemClass));
        if (!code.startsWith(major)) {
            throw new IllegalArgumentException("item " + code + " must be coded under major class " + major);
        }
        if (persistentProblem != PersistentProblem.ofItemCode(code).isPresent()) {
            throw new IllegalArgumentException("item " + code + ": persistent-problem flag disagrees with PersistentProblem");
        }
    }

    public Optional<PersistentProblem> asPersistentProblem() {
        return PersistentProblem.ofItemCode(code);
    }
}
