package cn.changning.governance.cases.api;

import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.reference.catalogue.Catalogue;
import cn.changning.governance.reference.catalogue.HandlingType;
import cn.changning.governance.reference.catalogue.ItemCategory;
import cn.changning.governance.reference.catalogue.ItemClass;
import cn.changning.governance.reference.catalogue.ManagementItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/catalogue")
@Tag(name = "Catalogue", description = "The 181 management items: class, category, handling type, conditions, time limit")
public class CatalogueController {

    private final Catalogue catalogue;

    public CatalogueController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record Items(String version, int total, List<ManagementItem> items) {
    }

    @GetMapping("/items")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "Management items, optionally filtered by class, category and handling type")
    public Items items(@RequestParam(name = "class", required = false) ItemClass itemClass,
                       @RequestParam(required = false) ItemCategory category,
                       @RequestParam(required = false) HandlingType handlingType) {
        List<ManagementItem> items = catalogue.items().stream()
                .filter(i -> itemClass == null || i.itemClass() == itemClass)
                .filter(i -> category == null || i.category() == category)
                .filter(i -> handlingType == null || i.handlingType() == handlingType)
                .toList();
        return new Items(catalogue.version(), items.size(), items);
    }

    @GetMapping("/items/{code}")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "One management item by its 4-digit code")
    public ManagementItem item(@PathVariable String code) {
        return catalogue.find(code).orElseThrow(() -> new NotFoundException("management item", code));
    }
}
