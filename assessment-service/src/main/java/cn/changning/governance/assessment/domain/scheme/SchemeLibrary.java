package cn.changning.governance.assessment.domain.scheme;

import cn.changning.governance.assessment.domain.indicator.Indicator;
import cn.changning.governance.assessment.domain.indicator.SubjectKind;
import cn.changning.governance.assessment.domain.scoring.AgencyInputs;
import cn.changning.governance.assessment.domain.scoring.Scheme;
import cn.changning.governance.assessment.domain.scoring.SchemeCatalogue;
import cn.changning.governance.assessment.domain.scoring.StreetInputs;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scoring schemes as versioned data: every file the index {@code <directory>/index.json} lists, each checked at
 * load (weights or points add up to 100, a street scheme has exactly {@value #STREET_ITEMS} items with unique codes and
 * its SATISFACTION items worth what it declares, indicators known and counted for the subject, bands in order, the
 * file named by its scheme's id). A file at fault is refused naming the file and the entry. Immutable; load once.
 */
public final class SchemeLibrary implements SchemeCatalogue {

    public static final String DIRECTORY = "assessment/schemes";
    /** The district's catalogue of items of the reform (our reading): every street scheme file has this many. */
    public static final int STREET_ITEMS = 55;

    // Strict on unknown and duplicate fields like the reference files; fields a measure does not use may be left out,
    // and those it uses are checked here by name (a clearer refusal than a missing creator property).
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, AgencyScheme> agencySchemes;
    private final Map<String, StreetScheme> streetSchemes;
    private final String currentAgency;
    private final String currentStreet;

    public SchemeLibrary(List<AgencyScheme> agencySchemes, List<StreetScheme> streetSchemes, String currentAgency, String currentStreet) {
        Map<String, AgencyScheme> agencies = new LinkedHashMap<>();
        Map<String, StreetScheme> streets = new LinkedHashMap<>();
        agencySchemes.forEach(s -> unique(agencies.put(s.id(), s) == null && !streets.containsKey(s.id()), s.id()));
        streetSchemes.forEach(s -> unique(streets.put(s.id(), s) == null && !agencies.containsKey(s.id()), s.id()));
        if (!agencies.containsKey(currentAgency) || !streets.containsKey(currentStreet)) {
            throw new IllegalArgumentException("the current schemes " + currentAgency + " and " + currentStreet + " must be loaded");
        }
        this.agencySchemes = Collections.unmodifiableMap(agencies);
        this.streetSchemes = Collections.unmodifiableMap(streets);
        this.currentAgency = currentAgency;
        this.currentStreet = currentStreet;
    }

    /** The shipped schemes, with {@code files} reading each file of {@value #DIRECTORY} as a JSON tree. */
    public static SchemeLibrary load(Function<String, JsonNode> files) {
        return load(files, DIRECTORY);
    }

    /** Every scheme the directory's index lists, and the current ones it names. */
    public static SchemeLibrary load(Function<String, JsonNode> files, String directory) {
        String indexResource = directory + "/index.json";
        IndexJson index = parse(files, indexResource, IndexJson.class);
        if (index.files() == null || index.current() == null) {
            throw new SchemeFileException(indexResource, "files and current are required", null);
        }
        List<AgencyScheme> agencies = new ArrayList<>();
        List<StreetScheme> streets = new ArrayList<>();
        for (String file : index.files()) {
            Scheme<?> scheme = read(files, directory + "/" + file);
            if (scheme instanceof AgencyScheme agency) {
                agencies.add(agency);
            } else {
                streets.add((StreetScheme) scheme);
            }
        }
        try {
            return new SchemeLibrary(agencies, streets, index.current().get("AGENCY"), index.current().get("STREET"));
        } catch (IllegalArgumentException e) {
            throw new SchemeFileException(indexResource, e.getMessage(), e);
        }
    }

    /** One scheme file, checked: an {@link AgencyScheme} or a {@link StreetScheme} by its {@code kind}. */
    public static Scheme<?> read(Function<String, JsonNode> files, String resource) {
        JsonNode tree = parse(files, resource, JsonNode.class);
        String kind = tree.path("kind").asText();
        try {
            Scheme<?> scheme = switch (kind) {
                case "AGENCY" -> MAPPER.treeToValue(tree, AgencyJson.class).toScheme();
                case "STREET" -> MAPPER.treeToValue(tree, StreetJson.class).toScheme();
                default -> throw new IllegalArgumentException("kind must be AGENCY or STREET, not '" + kind + "'");
            };
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            if (!fileName.equals(scheme.id() + ".json")) {
                throw new IllegalArgumentException("id " + scheme.id() + " is not the file's name (" + fileName + ")");
            }
            return scheme;
        } catch (JsonProcessingException e) {
            throw new SchemeFileException(resource, "cannot be read: " + e.getOriginalMessage()
                    + (e instanceof JsonMappingException m ? " (at " + m.getPathReference() + ")" : ""), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SchemeFileException(resource, e.getMessage(), e);
        }
    }

    private static <T> T parse(Function<String, JsonNode> files, String resource, Class<T> type) {
        JsonNode tree;
        try {
            tree = files.apply(resource);
        } catch (RuntimeException e) {
            throw new SchemeFileException(resource, e.getMessage(), e);
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new SchemeFileException(resource, "cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static void unique(boolean fresh, String id) {
        if (!fresh) {
            throw new IllegalArgumentException("scheme id " + id + " is used twice");
        }
    }

    @Override
    public Optional<Scheme<AgencyInputs>> agencyScheme(String id) {
        return Optional.ofNullable(agencySchemes.get(id));
    }

    @Override
    public Optional<Scheme<StreetInputs>> streetScheme(String id) {
        return Optional.ofNullable(streetSchemes.get(id));
    }

    public Optional<AgencyScheme> agency(String id) {
        return Optional.ofNullable(agencySchemes.get(id));
    }

    public Optional<StreetScheme> street(String id) {
        return Optional.ofNullable(streetSchemes.get(id));
    }

    public List<AgencyScheme> agencySchemes() {
        return List.copyOf(agencySchemes.values());
    }

    public List<StreetScheme> streetSchemes() {
        return List.copyOf(streetSchemes.values());
    }

    @Override
    public String currentAgencySchemeId() {
        return currentAgency;
    }

    @Override
    public String currentStreetSchemeId() {
        return currentStreet;
    }

    // The files' shapes. Enums are read as text and checked here, so that a refusal names the entry.

    private record IndexJson(Map<String, String> current, List<String> files) {
    }

    private record BandsJson(Double excellent, Double good, Double pass) {
        GradeBands toBands() {
            if (excellent == null || good == null || pass == null) {
                throw new IllegalArgumentException("bands: excellent, good and pass are required");
            }
            String problem = GradeBands.problem(excellent, good, pass);
            if (problem != null) {
                throw new IllegalArgumentException("bands: " + problem);
            }
            return GradeBands.of(excellent, good, pass);
        }
    }

    private record WeightJson(String indicator, Double weight, Double target) {
    }

    private record ResidentJson(Double weight, Double surveyShare) {
    }

    private record AgencyJson(String id, String kind, String title, String reading, String description,
                              List<WeightJson> indicators, ResidentJson residentEvaluation, BandsJson bands) {
        AgencyScheme toScheme() {
            text(id, "id");
            text(title, "title");
            text(reading, "reading");
            text(description, "description");
            required(indicators, "indicators");
            required(residentEvaluation, "residentEvaluation");
            required(bands, "bands");
            List<AgencyScheme.IndicatorWeight> weights = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                WeightJson w = indicators.get(i);
                String entry = "indicators[" + i + "]" + (w.indicator() == null ? "" : " (" + w.indicator() + ")");
                weights.add(new AgencyScheme.IndicatorWeight(indicator(w.indicator(), entry), number(w.weight(), entry + ".weight"),
                        number(w.target(), entry + ".target")));
            }
            return new AgencyScheme(id, title, reading, description, weights,
                    new AgencyScheme.ResidentEvaluationWeight(number(residentEvaluation.weight(), "residentEvaluation.weight"),
                            number(residentEvaluation.surveyShare(), "residentEvaluation.surveyShare")), bands.toBands());
        }
    }

    private record ItemJson(String code, String name, String nameZh, String category, Double points, String measure,
                            String source, String indicator, Double target, Double recordedOutOf) {
    }

    private record StreetJson(String id, String kind, String title, String reading, String description, Integer itemCount,
                              Double satisfactionPoints, List<ItemJson> items, BandsJson bands) {
        StreetScheme toScheme() {
            text(id, "id");
            text(title, "title");
            text(reading, "reading");
            text(description, "description");
            required(items, "items");
            if (itemCount == null || itemCount != STREET_ITEMS || items.size() != STREET_ITEMS) {
                throw new IllegalArgumentException("the district's catalogue has " + STREET_ITEMS + " items: itemCount is "
                        + itemCount + " and the file lists " + items.size());
            }
            List<AssessmentItem> converted = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                ItemJson item = items.get(i);
                String entry = "items[" + i + "]" + (item.code() == null ? "" : " (" + item.code() + ")");
                try {
                    converted.add(new AssessmentItem(item.code(), item.name(), item.nameZh(),
                            constant(AssessmentCategory.class, item.category(), entry + ".category"),
                            number(item.points(), entry + ".points"),
                            constant(ItemMeasure.class, item.measure(), entry + ".measure"),
                            item.source() == null ? null : constant(SatisfactionSource.class, item.source(), entry + ".source"),
                            item.indicator() == null ? null : indicator(item.indicator(), entry),
                            item.target(), item.recordedOutOf()));
                } catch (NullPointerException e) {
                    throw new IllegalArgumentException(entry + ": " + e.getMessage(), e);
                }
            }
            return new StreetScheme(id, title, reading, description, number(satisfactionPoints, "satisfactionPoints"), converted,
                    bands == null ? null : bands.toBands());
        }
    }

    private static Indicator indicator(String name, String entry) {
        return constant(Indicator.class, name, entry + ".indicator");
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, String field) {
        if (name == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": '" + name + "' is not a known " + type.getSimpleName(), e);
        }
    }

    private static double number(Double value, String field) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            throw new IllegalArgumentException(field + " is required (a number)");
        }
        return value;
    }

    private static void text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** Whom the scheme scores. */
    public static SubjectKind kindOf(Scheme<?> scheme) {
        return scheme instanceof AgencyScheme ? SubjectKind.AGENCY : SubjectKind.STREET;
    }
}
