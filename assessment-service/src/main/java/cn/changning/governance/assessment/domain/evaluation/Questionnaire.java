package cn.changning.governance.assessment.domain.evaluation;

import cn.changning.governance.reference.agencies.AgencyType;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The satisfaction survey's questionnaire, as versioned data ({@value #RESOURCE}, our reading of the reform): its
 * questions (code, text in English and Chinese, and for some the stationed-agency type they are about), its score
 * scale, mapped linearly to 0–100, and the respondent categories. Checked when loaded: a duplicate code, an unknown
 * agency type or category, or a bad scale is refused naming the file and the entry.
 */
public final class Questionnaire {

    public static final String RESOURCE = "assessment/questionnaire.v1.json";

    private final String version;
    private final int min;
    private final int max;
    private final Map<String, SurveyQuestion> questions;

    public Questionnaire(String version, int min, int max, List<SurveyQuestion> questions) {
        if (min >= max) {
            throw new IllegalArgumentException("scale " + min + "-" + max + " is empty");
        }
        this.version = version;
        this.min = min;
        this.max = max;
        Map<String, SurveyQuestion> byCode = new LinkedHashMap<>();
        for (SurveyQuestion q : questions) {
            if (byCode.putIfAbsent(q.code(), q) != null) {
                throw new IllegalArgumentException("question code " + q.code() + " appears twice");
            }
        }
        this.questions = Collections.unmodifiableMap(byCode);
    }

    /** The shipped questionnaire, {@code files} reading {@value #RESOURCE} as a JSON tree. */
    public static Questionnaire load(java.util.function.Function<String, JsonNode> files) {
        return read(RESOURCE, files.apply(RESOURCE));
    }

    /** Checks a questionnaire file's tree; {@code name} is what a refusal names. */
    public static Questionnaire read(String name, JsonNode root) {
        try {
            String version = text(root, "version", "the file");
            JsonNode scale = root.path("scale");
            if (!scale.path("min").isInt() || !scale.path("max").isInt()) {
                throw new IllegalArgumentException("scale needs integer min and max");
            }
            Set<RespondentCategory> categories = EnumSet.noneOf(RespondentCategory.class);
            for (JsonNode c : root.path("respondentCategories")) {
                String code = text(c, "code", "a respondent category");
                RespondentCategory category = Arrays.stream(RespondentCategory.values()).filter(x -> x.name().equals(code))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("respondent category " + code + " is unknown (known: "
                                + Arrays.toString(RespondentCategory.values()) + ")"));
                if (!categories.add(category)) {
                    throw new IllegalArgumentException("respondent category " + code + " appears twice");
                }
            }
            if (!categories.equals(EnumSet.allOf(RespondentCategory.class))) {
                throw new IllegalArgumentException("respondentCategories must list every category " + Arrays.toString(RespondentCategory.values()));
            }
            List<SurveyQuestion> questions = new ArrayList<>();
            int index = 0;
            for (JsonNode q : root.path("questions")) {
                String where = "question " + index++;
                String code = text(q, "code", where);
                where = "question " + code;
                String type = q.path("agencyType").isMissingNode() || q.path("agencyType").isNull() ? null : q.path("agencyType").asText();
                AgencyType agencyType = null;
                if (type != null) {
                    agencyType = Arrays.stream(AgencyType.values()).filter(t -> t.name().equals(type)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("question " + code + ": agency type " + type
                                    + " is unknown (known: " + Arrays.toString(AgencyType.values()) + ")"));
                }
                questions.add(new SurveyQuestion(code, text(q, "en", where), text(q, "zh", where), agencyType));
            }
            if (questions.isEmpty()) {
                throw new IllegalArgumentException("no questions");
            }
            return new Questionnaire(version, scale.path("min").asInt(), scale.path("max").asInt(), questions);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + " needs a text " + field);
        }
        return value.asText();
    }

    public String version() {
        return version;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** The questions in the file's order. */
    public List<SurveyQuestion> questions() {
        return List.copyOf(questions.values());
    }

    public Optional<SurveyQuestion> question(String code) {
        return Optional.ofNullable(code == null ? null : questions.get(code));
    }

    public boolean onScale(int score) {
        return score >= min && score <= max;
    }

    /** A raw score on the 0–100 scale: min is 0, max is 100, linear between. */
    public double toPercent(int score) {
        return (score - min) * 100.0 / (max - min);
    }

    /** The questions about an agency type. */
    public List<SurveyQuestion> about(AgencyType type) {
        return questions.values().stream().filter(q -> q.agencyType() == type).toList();
    }
}
