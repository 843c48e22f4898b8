package cn.changning.governance.cases.api;

import jakarta.validation.constraints.Pattern;
import cn.changning.governance.common.web.Identifiers;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.common.domain.DomainRuleViolation;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.reference.geography.GeoPoint;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/geography")
@Tag(name = "Geography", description = "Changning's subdistricts, responsibility grids and residential areas (reference data)")
public class GeographyController {

    private final Geography geography;

    public GeographyController(Geography geography) {
        this.geography = geography;
    }

    public record District(String code, String name, String nameZh, int subdistricts, int grids, int residentialAreas) {
    }

    @GetMapping
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "The district and how many places of each kind it has")
    public District district() {
        return new District(geography.districtCode(), geography.districtName(), geography.districtNameZh(),
                geography.subdistricts().size(), geography.grids().size(), geography.residentialAreas().size());
    }

    @GetMapping("/subdistricts")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "The 10 subdistricts: 9 streets and 1 town")
    public List<Subdistrict> subdistricts() {
        return geography.subdistricts();
    }

    @GetMapping("/subdistricts/{code}")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "One subdistrict by its 9-digit code")
    public Subdistrict subdistrict(@PathVariable String code) {
        return geography.subdistrict(code).orElseThrow(() -> new NotFoundException("subdistrict", code));
    }

    @GetMapping("/grids")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "The responsibility grids, with boundary and centre; optionally of one subdistrict")
    public List<Grid> grids(@Parameter(description = "9-digit subdistrict code") @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String subdistrict) {
        return subdistrict == null ? geography.grids() : geography.grids(subdistrict);
    }

    @GetMapping("/grids/at")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "The grid a point lies in", description = "404 problem when the point is outside every grid of the district.")
    public Grid gridAt(@RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
                       @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng) {
        return geography.gridAt(GeoPoint.of(lat, lng)).orElseThrow(() -> new DomainRuleViolation(
                DomainRuleViolation.Kind.NOT_FOUND, "location-outside-grids", "lat",
                "(" + lat + ", " + lng + ") lies outside every responsibility grid of the district"));
    }

    @GetMapping("/grids/{code}")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "One grid by its 15-digit code")
    public Grid grid(@PathVariable String code) {
        return geography.grid(code).orElseThrow(() -> new NotFoundException("grid", code));
    }

    @GetMapping("/residential-areas")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "The residential areas; optionally of one grid or one subdistrict")
    public List<ResidentialArea> residentialAreas(@RequestParam(required = false) @Pattern(regexp = Identifiers.GRID, message = Identifiers.GRID_MESSAGE) String grid,
                                                  @RequestParam(required = false) @Pattern(regexp = Identifiers.STREET, message = Identifiers.STREET_MESSAGE) String subdistrict) {
        if (grid != null) {
            return geography.residentialAreasInGrid(grid);
        }
        return subdistrict == null ? geography.residentialAreas() : geography.residentialAreasInSubdistrict(subdistrict);
    }

    @GetMapping("/residential-areas/{code}")
    @RequiresScope(Scopes.REFERENCE_READ)
    @Operation(summary = "One residential area by its 12-digit code")
    public ResidentialArea residentialArea(@PathVariable String code) {
        return geography.residentialArea(code).orElseThrow(() -> new NotFoundException("residential area", code));
    }
}
