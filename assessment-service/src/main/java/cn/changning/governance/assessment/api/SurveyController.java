package cn.changning.governance.assessment.api;

import cn.changning.governance.assessment.domain.evaluation.OpenSurvey;
import cn.changning.governance.assessment.domain.evaluation.Questionnaire;
import cn.changning.governance.assessment.domain.evaluation.RecordSurveyResponses;
import cn.changning.governance.assessment.domain.evaluation.SurveyCoverage;
import cn.changning.governance.assessment.domain.evaluation.SurveyIds;
import cn.changning.governance.assessment.domain.evaluation.SurveyQuestion;
import cn.changning.governance.assessment.domain.evaluation.SurveyRecording;
import cn.changning.governance.assessment.domain.evaluation.SurveyRowRejection;
import cn.changning.governance.assessment.domain.period.ReportingPeriod;
import cn.changning.governance.assessment.projection.evaluation.ResidentEvaluationQueries;
import cn.changning.governance.common.security.Actor;
import cn.changning.governance.common.security.RequiresScope;
import cn.changning.governance.common.web.InvalidParameterException;
import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import cn.changning.governance.contracts.identity.Scopes;
import cn.changning.governance.reference.agencies.Agency;
import cn.changning.governance.reference.agencies.AgencyDirectory;
import cn.changning.governance.reference.agencies.AgencyType;
import cn.changning.governance.reference.calendar.WorkingCalendar;
import com.fasterxml.jackson.databind.JsonNode;
import cn.changning.governance.common.web.ProblemDetailsAdvice;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Satisfaction surveys", description = "The satisfaction survey per street and year (群众测评): bulk import of "
        + "responses, coverage against the rule of at least 1,000 respondents a year, the responses behind the scores")
public class SurveyController {

    static final String BASE = "/api/v1/assessments/surveys";

    private final CommandGateway commands;
    private final ResidentEvaluationQueries queries;
    private final Questionnaire questionnaire;
    private final AgencyDirectory agencies;
    private final EvaluationAccess access;
    private final WorkingCalendar calendar;
    private final Clock clock;

    public SurveyController(CommandGateway commands, ResidentEvaluationQueries queries, Questionnaire questionnaire,
                            AgencyDirectory agencies, WorkingCalendar calendar, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.questionnaire = questionnaire;
        this.agencies = agencies;
        this.access = new EvaluationAccess(agencies);
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What an import did: counts, and why each bad row was not recorded. */
    public record ImportReport(String surveyId, String streetCode, int year, int received, int recorded, int alreadyRecorded,
                               int rejected, List<SurveyRowRejection> rejections) {
    }

    public record QuestionView(String code, String textEn, String textZh, AgencyType agencyType) {
    }

    public record QuestionnaireView(String version, int scaleMin, int scaleMax, String scaleMapping,
                                    List<String> respondentCategories, List<QuestionView> questions, String csvHeader) {
    }

    public record YearCoverage(int year, int target, List<SurveyCoverage> streets) {
    }

    private static final String IMPORT_RULES = "Only the street's own centre imports its survey (scope assessment:street; any "
            + "other caller, or an unknown street, gets 404); the importer recorded is the token's client. Each row: responseId "
            + "(at most 64 characters, unique in the street's survey of the year), respondentCategory (RESIDENT, RESIDENT_UNIT, "
            + "BUSINESS, DEPUTY_OR_MEMBER), answeredOn (yyyy-MM-dd, within the year and not after today in Asia/Shanghai), and a score 1-5 for each question answered "
            + "(codes from GET " + BASE + "/questionnaire; an unanswered question is left out or empty). A row recorded before "
            + "is counted as alreadyRecorded, not twice; a bad row is rejected with its row number, response id when readable, "
            + "field and reason, and the other rows are recorded. The accepted rows are stored together or, if the request "
            + "fails, none are. An upload that is not CSV or JSON as a whole (unclosed quote, missing column, neither an array "
            + "nor {responses:[...]}) is refused with 400 and nothing is recorded; an upload none of whose rows can be recorded "
            + "(every row rejected, or no row) is refused with 422 survey-rows-rejected, naming each row's field as "
            + "responses[row].field, with the report. At most 20,000 rows and 8 MB per request. "
            + "With an Idempotency-Key a repeated request answers the first answer again.";

    /**
     * The JSON upload as the document shows it. The body is read as a tree (not bound to this record) so that a bad
     * row is rejected with its row number while the others are recorded, instead of failing the whole upload.
     */
    @Schema(name = "SurveyUpload", description = "The responses to record; a bare array of rows is taken too")
    public record SurveyUploadDocument(@ArraySchema(minItems = 1, maxItems = 20_000) @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
                                       List<SurveyRowDocument> responses) {
    }

    @Schema(name = "SurveyResponseRow")
    public record SurveyRowDocument(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 64,
                    description = "Unique in the street's survey of the year") String responseId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"RESIDENT", "RESIDENT_UNIT", "BUSINESS", "DEPUTY_OR_MEMBER"})
            String respondentCategory,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", description = "Within the year, not after today (Asia/Shanghai)")
            String answeredOn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Question code to a score 1-5; at least one")
            SurveyScoresDocument scores) {
    }

    /** The questions of questionnaire v1 (GET /questionnaire names them); a question not answered is left out. */
    @Schema(name = "SurveyScores")
    public record SurveyScoresDocument(@Schema(minimum = "1", maximum = "5") Integer Q01, @Schema(minimum = "1", maximum = "5") Integer Q02,
                                       @Schema(minimum = "1", maximum = "5") Integer Q03, @Schema(minimum = "1", maximum = "5") Integer Q04,
                                       @Schema(minimum = "1", maximum = "5") Integer Q05, @Schema(minimum = "1", maximum = "5") Integer Q06,
                                       @Schema(minimum = "1", maximum = "5") Integer Q07, @Schema(minimum = "1", maximum = "5") Integer Q08,
                                       @Schema(minimum = "1", maximum = "5") Integer Q09, @Schema(minimum = "1", maximum = "5") Integer Q10) {
    }

    @PostMapping(path = BASE + "/{streetCode}/{year}/responses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @RequiresScope(Scopes.ASSESSMENT_STREET)
    @Operation(summary = "Import survey responses (JSON)", description = "An array of {responseId, respondentCategory, "
            + "answeredOn, scores: {questionCode: score}}, or {responses: [...]}; row numbers are the 1-based places in the "
            + "array. " + IMPORT_RULES)
    public ImportReport importJson(Actor actor, @PathVariable String streetCode, @PathVariable int year,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                                           @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                   schema = @Schema(implementation = SurveyUploadDocument.class)),
                                           @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                                   description = "RFC 4180 CSV: a header row, then one row per response"))})
                                   @RequestBody JsonNode body) {
        access.requireOwnStreet(actor, streetCode);
        checkYear(year);
        return record(actor, streetCode, year, SurveyUploadReader.json(body));
    }

    @PostMapping(path = BASE + "/{streetCode}/{year}/responses", consumes = "text/csv")
    @RequiresScope(Scopes.ASSESSMENT_STREET)
    @Operation(summary = "Import survey responses (CSV)", description = "UTF-8 (a BOM is allowed; another charset may be "
            + "named in Content-Type), RFC 4180 (quoted fields, \"\" for a quote, CRLF or LF). A header row "
            + "responseId,respondentCategory,answeredOn,<questionCode>... (any order), then one row per response; row numbers "
            + "count the header as row 1. " + IMPORT_RULES)
    public ImportReport importCsv(Actor actor, @PathVariable String streetCode, @PathVariable int year,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                                          @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                                                  schema = @Schema(implementation = SurveyUploadDocument.class)),
                                          @Content(mediaType = "text/csv", schema = @Schema(type = "string",
                                                  description = "RFC 4180 CSV: a header row, then one row per response"))})
                                  @RequestBody byte[] body,
                                  @RequestHeader(name = "Content-Type") String contentType) {
        access.requireOwnStreet(actor, streetCode);
        checkYear(year);
        return record(actor, streetCode, year, SurveyUploadReader.csv(decode(body, contentType)));
    }

    private ImportReport record(Actor actor, String streetCode, int year, SurveyUploadReader.Upload upload) {
        SurveyRecording recording = new SurveyRecording(0, List.of(), List.of());
        if (!upload.rows().isEmpty()) {
            RecordSurveyResponses command = RecordSurveyResponses.of(streetCode, year, upload.rows(), actor.clientId(), clock.instant(),
                    calendar.zone());
            try {
                recording = commands.sendAndWait(command);
            } catch (AggregateNotFoundException firstImport) {
                try {
                    commands.sendAndWait(OpenSurvey.of(streetCode, year, actor.clientId(), clock.instant()));
                } catch (AggregateStreamCreationException openedMeanwhile) {
                    // another import of the street opened it at the same time: record into it
                }
                recording = commands.sendAndWait(command);
            }
        }
        List<SurveyRowRejection> rejections = new ArrayList<>(upload.rejections());
        rejections.addAll(recording.rejections());
        rejections.sort(Comparator.comparingInt(SurveyRowRejection::row));
        ImportReport report = new ImportReport(SurveyIds.of(streetCode, year), streetCode, year, upload.received(), recording.recorded(),
                recording.alreadyRecorded().size(), rejections.size(), rejections);
        if (report.recorded() == 0 && report.alreadyRecorded() == 0) {
            throw new NothingRecorded(report);
        }
        return report;
    }

    /** An upload none of whose rows could be recorded (every one rejected, or none at all): refused as a whole. */
    static final class NothingRecorded extends RuntimeException {
        private final transient ImportReport report;

        NothingRecorded(ImportReport report) {
            super("no row of the upload could be recorded");
            this.report = report;
        }
    }

    /** 422 problem+json naming each rejected row's field ({@code responses[row].field}), with the report's counts. */
    @ExceptionHandler(NothingRecorded.class)
    public ResponseEntity<ProblemDetail> nothingRecorded(NothingRecorded refused) {
        ImportReport r = refused.report;
        ProblemDetail problem = ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_ENTITY, "survey-rows-rejected",
                "No survey row recorded", r.received() == 0 ? "The upload holds no row"
                        : "Every row of the upload was rejected (" + r.rejected() + " of " + r.received() + "); nothing was recorded");
        problem.setProperty("errors", r.rejections().stream()
                .map(x -> new ProblemDetailsAdvice.FieldProblem("responses[" + x.row() + "]." + x.field(), x.reason())).toList());
        problem.setProperty("report", r);
        if (r.received() == 0) {
            problem.setProperty("errors", List.of(new ProblemDetailsAdvice.FieldProblem("responses", "holds no row")));
        }
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @GetMapping(BASE + "/questionnaire")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The questionnaire the survey records", description = "Question codes, texts (en, zh), the agency "
            + "type a question is about (null: the street as a whole), the scale and the CSV header an import takes. Our "
            + "reading of the reform, as versioned data.")
    public QuestionnaireView questionnaire() {
        List<QuestionView> questions = questionnaire.questions().stream()
                .map(q -> new QuestionView(q.code(), q.textEn(), q.textZh(), q.agencyType())).toList();
        String header = "responseId,respondentCategory,answeredOn," + String.join(",", questionnaire.questions().stream().map(SurveyQuestion::code).toList());
        return new QuestionnaireView(questionnaire.version(), questionnaire.min(), questionnaire.max(),
                questionnaire.min() + " = 0, " + questionnaire.max() + " = 100, linear between",
                java.util.Arrays.stream(cn.changning.governance.assessment.domain.evaluation.RespondentCategory.values()).map(Enum::name).toList(),
                questions, header);
    }

    @GetMapping(BASE + "/{streetCode}/{year}/coverage")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "A street's survey coverage of a year", description = "Respondents against the target of 1,000 a "
            + "year: share = respondents / 1000 (at most 1); yearPassed = the share of the year passed on the service's clock "
            + "(Asia/Shanghai); onTrack when the target is reached or share >= yearPassed. A street centre sees its street, "
            + "the district every street; others 404.")
    public SurveyCoverage coverage(Actor actor, @PathVariable String streetCode, @PathVariable int year) {
        access.requireStreet(actor, streetCode);
        checkYear(year);
        return SurveyCoverage.of(streetCode, year, queries.respondents(streetCode, year), clock.instant(), calendar.zone());
    }

    @GetMapping(BASE + "/coverage/{year}")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "Every street's survey coverage of a year", description = "As for one street, for each street the "
            + "caller may see (a street centre: its own; the district: all; others: none), by street code.")
    public YearCoverage coverageOfYear(Actor actor, @PathVariable int year) {
        checkYear(year);
        Map<String, Long> counts = queries.respondentsByStreet(year);
        List<SurveyCoverage> streets = agencies.list(null, AgencyType.STREET_TEAM).stream().map(Agency::streetCode)
                .filter(street -> access.seesStreet(actor, street)).sorted()
                .map(street -> SurveyCoverage.of(street, year, counts.getOrDefault(street, 0L), clock.instant(), calendar.zone()))
                .toList();
        return new YearCoverage(year, SurveyCoverage.TARGET, streets);
    }

    @GetMapping(BASE + "/{streetCode}/responses")
    @RequiresScope(Scopes.ASSESSMENT_READ)
    @Operation(summary = "The responses behind a street's survey score in a period", description = "Paged, by date answered "
            + "then response id: category, date, the raw scores per question, the response's score for the street (mean of "
            + "its answers, 0-100) and per agency type. No personal data. period: 2026, 2026-Q3 or 2026-07. Visibility as "
            + "for coverage; the responses behind an agency's survey score are its street's (their agencyTypeScores).")
    public Page<ResidentEvaluationQueries.ResponseView> responses(Actor actor, @PathVariable String streetCode,
                                                                 @RequestParam String period, PageQuery page) {
        access.requireStreet(actor, streetCode);
        return queries.responses(streetCode, period(period), page);
    }

    static ReportingPeriod period(String period) {
        if (!ReportingPeriod.isValid(period)) {
            throw new InvalidParameterException("period", "is a year (2026), a quarter (2026-Q3) or a month (2026-07)");
        }
        return ReportingPeriod.parse(period);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2999) {
            throw new InvalidParameterException("year", "must be between 2000 and 2999");
        }
    }

    private static String decode(byte[] body, String contentType) {
        Charset charset = StandardCharsets.UTF_8;
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.getCharset() != null) {
                charset = type.getCharset();
            }
        } catch (RuntimeException unreadable) {
            throw new InvalidParameterException("Content-Type", "names a charset that is unknown");
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException("body", "is not valid " + charset.name() + " text");
        }
    }
}
