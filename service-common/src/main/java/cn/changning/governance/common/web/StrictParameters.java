package cn.changning.governance.common.web;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;

import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * How query parameters and path variables become numbers, booleans, enums and instants: exactly, or not at all.
 * Spring's defaults are lenient: {@code page=0x10} is 16 ({@code Integer.decode}), {@code suspended=yes} is true, an
 * empty or blank enum value (a NUL is blank to {@code trim()}) is no filter at all. Here a whole number is decimal
 * digits, a number plain decimal digits (no hex, NaN or exponent), a boolean {@code true} or {@code false}, an enum one of its names, an instant a {@link BoundedInstants}
 * one; anything else (an empty value too: leave the parameter out instead) answers 400 naming the parameter.
 */
public final class StrictParameters {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");
    /** A decimal number: no hex, no NaN or Infinity, no leading +. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

    private StrictParameters() {
    }

    /** Registers the converters; added after Spring's own, they take the place of them. */
    public static void register(FormatterRegistry registry) {
        registry.addConverter(String.class, Integer.class, text -> (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE));
        registry.addConverter(String.class, Long.class, text -> wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE));
        registry.addConverter(String.class, Double.class, StrictParameters::decimal);
        registry.addConverter(String.class, Boolean.class, StrictParameters::bool);
        registry.addConverter(String.class, Instant.class, StrictParameters::instant);
        registry.addConverterFactory(new ExactEnums());
    }

    static long wholeNumber(String text, long min, long max) {
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new RefusedParameterException("must be a whole number in decimal digits");
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException tooLarge) {
            // reported below
        }
        throw new RefusedParameterException("must lie between " + min + " and " + max);
    }

    static Double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new RefusedParameterException("must be a decimal number such as 31.2155");
        }
        return Double.valueOf(text);
    }

    static Boolean bool(String text) {
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new RefusedParameterException("must be true or false");
        };
    }

    static Instant instant(String text) {
        try {
            return BoundedInstants.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RefusedParameterException(e.getMessage());
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class ExactEnums implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class<T> type = targetType;
            while (type != null && !type.isEnum()) {
                type = (Class<T>) type.getSuperclass(); // an enum constant with a body
            }
            Class<T> enumType = type;
            return text -> Arrays.stream(enumType.getEnumConstants()).filter(c -> c.name().equals(text)).findFirst()
                    .orElseThrow(() -> new RefusedParameterException("must be one of "
                            + Arrays.toString(enumType.getEnumConstants())));
        }
    }

    /** Why a parameter's value was refused; the parameter and an excerpt of the value are added where it is reported. */
    public static final class RefusedParameterException extends IllegalArgumentException {
        public RefusedParameterException(String reason) {
            super(reason);
        }
    }
}
