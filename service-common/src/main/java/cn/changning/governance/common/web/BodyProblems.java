package cn.changning.governance.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What was wrong with a body that could not be read (see {@link StrictJson}): the field, when one can be named, and
 * a reason in the API's terms (JSON types, the enum's names), never Jackson's message with Java class names, and
 * never more of the input than an excerpt.
 */
final class BodyProblems {

    private BodyProblems() {
    }

    /** @return the field (null when the body as a whole is refused) and the reason */
    static ProblemDetailsAdvice.FieldProblem describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamConstraintsException) {
            return new ProblemDetailsAdvice.FieldProblem(path(mapping), limits());
        }
        if (cause instanceof StreamConstraintsException) {
            return new ProblemDetailsAdvice.FieldProblem(null, limits());
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new ProblemDetailsAdvice.FieldProblem(path(mapping), reason(mapping));
        }
        if (cause instanceof JsonProcessingException parsing) {
            String message = String.valueOf(parsing.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                return new ProblemDetailsAdvice.FieldProblem(duplicated(parsing), "is given twice; give each field once");
            }
            if (message.startsWith("Trailing token")) {
                return new ProblemDetailsAdvice.FieldProblem(null, "has content after its JSON value");
            }
            if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                return new ProblemDetailsAdvice.FieldProblem(null, "must be " + expected(mismatch.getTargetType()));
            }
            return new ProblemDetailsAdvice.FieldProblem(null, "is not valid JSON: " + UntrustedText.excerpt(message, 100));
        }
        return new ProblemDetailsAdvice.FieldProblem(null, "is missing or not JSON for this operation");
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof StrictJson.RefusedValueException refused) {
            return refused.reason();
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds() == null ? List.of() : unknown.getKnownPropertyIds();
            return "is not a field of this request (its fields: "
                    + known.stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")";
        }
        if (mapping instanceof InvalidFormatException invalid && invalid.getTargetType() != null) {
            return "cannot read '" + UntrustedText.excerpt(invalid.getValue()) + "': must be " + expected(invalid.getTargetType());
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + expected(mismatch.getTargetType());
        }
        return "cannot be read";
    }

    /** The JSON type a Java type is read from, as a client sees it. */
    static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return BoundedInstants.FORMAT;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String limits() {
        return "exceeds the limits of a request (strings of at most " + StrictJson.MAX_STRING_LENGTH
                + " characters, nesting at most " + StrictJson.MAX_NESTING_DEPTH + " deep)";
    }

    private static String path(JsonMappingException mapping) {
        String path = mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? null : path;
    }

    /** The duplicated field's path, from where the parser stopped. */
    private static String duplicated(JsonProcessingException parsing) {
        if (!(parsing.getProcessor() instanceof JsonParser parser)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            names.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : String.valueOf(c.getCurrentName()));
        }
        return String.join(".", names).replace(".[", "[");
    }
}
