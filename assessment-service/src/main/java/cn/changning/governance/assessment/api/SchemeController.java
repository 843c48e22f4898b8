package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.scheme.SchemeLibrary;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.NotFoundException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/v1/assessments/schemes")
@Tag(name = "Scoring schemes", description = "How agencies and streets are scored: versioned data, our reading of the 2016 reform")
public class SchemeController {

    static final String RULES = "Agency schemes (kind AGENCY, the street's rating of its stationed agencies) weigh indicators against targets "
            + "(lower-is-better ones against a ceiling: full points at or below it, none at twice it) and resident evaluation "
            + "(survey and case feedback), 100 in all, graded EXCELLENT/GOOD/PASS/FAIL by bands; a line with nothing measured "
            + "shares its weight out among the measured lines. Street schemes (kind STREET, the district's assessment of streets) "
            + "list 55 items worth 100 points, measured by SATISFACTION (points in proportion to the residents' score), INDICATOR "
            + "(against a target) or RECORDED (points the district records; none recorded earns 0). Each scheme's 'reading' says "
            + "what is our reading of the report rather than its text.";

    private final SchemeLibrary schemes;

    public SchemeController(SchemeLibrary schemes) {
        this.schemes = schemes;
    }

    /** One scheme in a list: {@code current} is the one new periods are scored under. */
    public record SchemeSummary(String id, SubjectKind kind, String title, boolean current) {
    }

    /** The whole scheme: {@code scheme} is an agency scheme (indicators, residentEvaluation, bands) or a street scheme (items). */
    public record SchemeDetail(String id, SubjectKind kind, String title, boolean current,
                               @Schema(description = "AGENCY: id, title, reading, description, indicators [{indicator, weight, target}], "
                                       + "residentEvaluation {weight, surveyShare}, bands {excellent, good, pass}. STREET: id, title, reading, "
                                       + "description, satisfactionPoints, items [{code, name, nameZh, category, points, measure, source, "
                                       + "indicator, target, recordedOutOf}], bands (null: streets are ranked, not graded)")
                               Object scheme) {
    }

    @GetMapping
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The scoring schemes: id, kind, title, and which are current", description = RULES)
    public Page<SchemeSummary> listSchemes(PageQuery page) {
        List<SchemeSummary> all = new ArrayList<>();
        schemes.agencySchemes().forEach(s -> all.add(new SchemeSummary(s.id(), SubjectKind.AGENCY, s.title(),
                s.id().equals(schemes.currentAgencySchemeId()))));
        schemes.streetSchemes().forEach(s -> all.add(new SchemeSummary(s.id(), SubjectKind.STREET, s.title(),
                s.id().equals(schemes.currentStreetSchemeId()))));
        return Page.of(all, page);
    }

    @GetMapping("/{schemeId}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "One scheme whole: its weights, targets and bands, or its items", description = RULES)
    public SchemeDetail findScheme(@PathVariable String schemeId) {
        return schemes.agency(schemeId)
                .map(s -> new SchemeDetail(s.id(), SubjectKind.AGENCY, s.title(), s.id().equals(schemes.currentAgencySchemeId()), s))
                .or(() -> schemes.street(schemeId).map(s -> new SchemeDetail(s.id(), SubjectKind.STREET, s.title(),
                        s.id().equals(schemes.currentStreetSchemeId()), s)))
                .orElseThrow(() -> new NotFoundException("scoring scheme", schemeId));
    }
}
