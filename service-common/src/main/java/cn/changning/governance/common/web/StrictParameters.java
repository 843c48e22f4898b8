package cn.changning.governance.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.lang.NonNull;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How query parameters and path variables become numbers, booleans, enums and instants: exactly, or not at all.
 * Spring's binding is lenient, and falls back to its property editors when a converter refuses a value:
 * {@code page=0x10} is 16 ({@code Integer.decode}), {@code suspended=yes} is true, an empty or blank enum value (a NUL
 * is blank to {@code trim()}) is no filter at all. So the values are checked here, against the handler's parameter
 * types, before Spring binds them: a whole number is decimal digits, a number plain decimal digits (no hex, NaN or
 * exponent), a boolean {@code true} or {@code false}, an enum one of its names, an instant a {@link BoundedInstants}
 * one, a text not empty; anything else (an empty value too: leave the parameter out instead) answers 400 naming the
 * parameter.
 */
public final class StrictParameters implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,19}");
    /** A decimal number: no hex, no NaN or Infinity, no leading +. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");

    @Override
    public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response, @NonNull Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        for (MethodParameter p : method.getMethodParameters()) {
            Class<?> type = p.getParameterType();
            if (!checked(type)) {
                continue;
            }
            RequestParam query = p.getParameterAnnotation(RequestParam.class);
            PathVariable path = p.getParameterAnnotation(PathVariable.class);
            if (query != null) {
                String name = name(query.name(), query.value(), p);
                String[] values = request.getParameterValues(name);
                for (String value : values == null ? new String[0] : values) {
                    check(name, type, value);
                }
            } else if (path != null && variables instanceof Map<?, ?> map) {
                String name = name(path.name(), path.value(), p);
                if (map.get(name) instanceof String value) {
                    check(name, type, value);
                }
            }
        }
        return true;
    }

    private static boolean checked(Class<?> type) {
        Class<?> t = ClassUtils.resolvePrimitiveIfNecessary(type);
        return t == String.class || t == Integer.class || t == Long.class || t == Double.class || t == Boolean.class
                || t == Instant.class || t == Duration.class || t == LocalDate.class || Enum.class.isAssignableFrom(t);
    }

    private static String name(String name, String value, MethodParameter p) {
        if (!name.isEmpty() || !value.isEmpty()) {
            return !name.isEmpty() ? name : value;
        }
        p.initParameterNameDiscovery(NAMES); // as Spring's resolvers do; the mapping's parameters have none
        return p.getParameterName();
    }

    private static void check(String name, Class<?> type, String value) {
        try {
            convert(type, value);
        } catch (RefusedParameterException e) {
            throw new InvalidParameterException(name, "cannot read '" + UntrustedText.excerpt(value) + "': " + e.getMessage());
        }
    }

    /** The value as the type, read exactly. @throws RefusedParameterException with the reason */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object convert(Class<?> type, String text) {
        Class<?> t = ClassUtils.resolvePrimitiveIfNecessary(type);
        if (t == String.class) {
            if (text.isEmpty()) {
                throw new RefusedParameterException("is empty: leave the parameter out instead");
            }
            return text;
        }
        if (t == Integer.class) {
            return (int) wholeNumber(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (t == Long.class) {
            return wholeNumber(text, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (t == Double.class) {
            return decimal(text);
        }
        if (t == Boolean.class) {
            return bool(text);
        }
        if (t == Instant.class) {
            return instant(text);
        }
        if (t == LocalDate.class) {
            try {
                return LocalDate.parse(text); // ISO yyyy-MM-dd only; an empty value is not "no date"
            } catch (DateTimeParseException e) {
                throw new RefusedParameterException("must be an ISO-8601 date such as 2026-07-01");
            }
        }
        if (t == Duration.class) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new RefusedParameterException("must be an ISO-8601 duration such as PT5S");
            }
        }
        Class<?> enumType = t;
        while (enumType != null && !enumType.isEnum()) {
            enumType = enumType.getSuperclass(); // an enum constant with a body
        }
        Object[] constants = enumType.getEnumConstants();
        return Arrays.stream(constants).filter(c -> ((Enum) c).name().equals(text)).findFirst()
                .orElseThrow(() -> new RefusedParameterException("must be one of " + Arrays.toString(constants)));
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

    /** Why a parameter's value was refused; the parameter and an excerpt of the value are added where it is reported. */
    public static final class RefusedParameterException extends IllegalArgumentException {
        public RefusedParameterException(String reason) {
            super(reason);
        }
    }
}
