package cn.changning.governance.common.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;

/**
 * How request bodies are read: strictly, so that a client learns of its mistake instead of having it guessed at.
 * Duplicate keys, unknown properties (a misspelled optional field would otherwise be dropped), content after the
 * value, a string where a number is expected and the reverse, a number for an enum or a boolean, an empty string for
 * an enum, a scalar for an array, control characters in strings (other than tab, CR and LF), instants outside
 * 1970–9999 and strings or nesting beyond the limits are all refused (400 naming the field, see
 * {@link ProblemDetailsAdvice}).
 *
 * <p>Only the HTTP bodies: the application's own {@link ObjectMapper} (events, Kafka records, read models) stays
 * tolerant of unknown fields, so that a newer producer's event is still read by an older consumer.</p>
 */
public final class StrictJson {

    /** Longest string a body may hold before validation (the longest field takes 4,000 characters). */
    public static final int MAX_STRING_LENGTH = 20_000;
    /** Deepest nesting of objects and arrays a body may have (the deepest request has 3 levels). */
    public static final int MAX_NESTING_DEPTH = 16;

    private StrictJson() {
    }

    /** A strict copy of the application's mapper (its modules and write settings kept). */
    public static ObjectMapper of(ObjectMapper application) {
        ObjectMapper strict = application.copy();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING_LENGTH).maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(100).build());
        strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        strict.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        strict.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS,
                DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT, DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL);
        strict.coercionConfigDefaults().setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Enum, LogicalType.DateTime}) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, scalar == LogicalType.Enum
                    || scalar == LogicalType.DateTime ? CoercionAction.TryConvert : CoercionAction.Fail);
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        strict.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // A date is its ISO text only: a number is no date (Jackson would read 123 as the 123rd day after 1970-01-01).
        for (Class<?> date : new Class<?>[]{LocalDate.class, LocalDateTime.class, LocalTime.class, YearMonth.class}) {
            strict.configOverride(date).setFormat(JsonFormat.Value.forLeniency(false));
        }
        strict.registerModule(new SimpleModule("strict-input")
                .addDeserializer(String.class, new CheckedString())
                .addDeserializer(Instant.class, new BoundedInstant())
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnum(deserializer);
                    }
                }));
        return strict;
    }

    /** A value the strict rules refuse, with the reason to tell the client (the field comes from the path). */
    public static final class RefusedValueException extends MismatchedInputException {

        private final String reason;

        RefusedValueException(JsonParser parser, String reason, Class<?> targetType) {
            super(parser, reason, targetType);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Strings as Jackson reads them (with the coercions refused above), without control characters. */
    static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String problem = UntrustedText.controlCharacterProblem(value, true);
            if (problem != null) {
                throw new RefusedValueException(p, problem, String.class);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * Enums by their exact names: Jackson's own reading trims a name it does not know and tries again, so
     * {@code "HOTLINE_12345 "} would pass as {@code HOTLINE_12345}.
     */
    static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String name = p.getText();
                if (!name.equals(name.strip())) {
                    throw new RefusedValueException(p, "has white space around it; must be one of "
                            + Arrays.toString(handledType().getEnumConstants()), handledType());
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    /** Instants as strings only (not epoch numbers), within {@link BoundedInstants}' range. */
    static final class BoundedInstant extends StdScalarDeserializer<Instant> {

        BoundedInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                throw new RefusedValueException(p, "must be " + BoundedInstants.FORMAT, Instant.class);
            }
            try {
                return BoundedInstants.parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw new RefusedValueException(p, e.getMessage(), Instant.class);
            }
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }
}
