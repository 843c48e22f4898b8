package cn.changning.governance.partyregistry.importing;

import cn.changning.governance.partyregistry.domain.member.IdentityNumbers;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV row's values with the checks every kind shares; each failed check is a rejection naming the column. A
 * reason never repeats a personal value (names, numbers, phones, addresses): the rejection report is not sealed.
 */
final class RowReader {

    record Problem(String field, String reason) {
    }

    private final CSVRecord record;
    private final Map<String, Integer> header;
    private final Geography geography;
    private final LocalDate today;
    private final List<Problem> problems = new ArrayList<>();

    RowReader(CSVRecord record, Map<String, Integer> header, Geography geography, LocalDate today) {
        this.record = record;
        this.header = header;
        this.geography = geography;
        this.today = today;
    }

    List<Problem> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    LocalDate today() {
        return today;
    }

    void reject(String field, String reason) {
        problems.add(new Problem(field, reason));
    }

    /** The trimmed value, or null when the cell is empty (or the row is short). */
    String optional(String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String v = record.get(index).strip();
        return v.isEmpty() ? null : v;
    }

    String required(String column, int maxLength) {
        String v = optional(column);
        if (v == null) {
            reject(column, "is required");
        } else if (v.length() > maxLength) {
            reject(column, "may have at most " + maxLength + " characters");
            return null;
        }
        return v;
    }

    String optional(String column, int maxLength) {
        String v = optional(column);
        if (v != null && v.length() > maxLength) {
            reject(column, "may have at most " + maxLength + " characters");
            return null;
        }
        return v;
    }

    LocalDate date(String column, boolean required) {
        String v = optional(column);
        if (v == null) {
            if (required) {
                reject(column, "is required (yyyy-MM-dd)");
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(v);
            if (d.isAfter(today)) {
                reject(column, "is after today");
                return null;
            }
            if (d.getYear() < 1900) {
                reject(column, "is before 1900");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            reject(column, "is not a date (yyyy-MM-dd): " + shown(v));
            return null;
        }
    }

    int integer(String column, int min, int max) {
        String v = optional(column);
        if (v == null) {
            reject(column, "is required (a whole number)");
            return 0;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                reject(column, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            reject(column, "is not a whole number: " + shown(v));
            return 0;
        }
    }

    Boolean bool(String column) {
        String v = optional(column);
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        reject(column, v == null ? "is required (true or false)" : "must be true or false");
        return null;
    }

    <E extends Enum<E>> E choice(String column, Class<E> type) {
        String v = optional(column);
        if (v == null) {
            reject(column, "is required (one of " + names(type) + ")");
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        reject(column, "must be one of " + names(type) + ", not " + shown(v));
        return null;
    }

    /** A street (subdistrict) code of the reference data. */
    String street(String column) {
        String v = optional(column);
        if (v == null) {
            reject(column, "is required (a street code)");
        } else if (geography.subdistrict(v).isEmpty()) {
            reject(column, "unknown street code " + shown(v));
            return null;
        }
        return v;
    }

    /** A residential area of the reference data, in {@code streetCode} when it is given. */
    ResidentialArea area(String column, String streetCode, boolean required) {
        String v = optional(column);
        if (v == null) {
            if (required) {
                reject(column, "is required (a residential area code)");
            }
            return null;
        }
        Optional<ResidentialArea> area = geography.residentialArea(v);
        if (area.isEmpty()) {
            reject(column, "unknown residential area code " + shown(v));
            return null;
        }
        if (streetCode != null && !area.get().subdistrictCode().equals(streetCode)) {
            reject(column, "residential area " + v + " is not in street " + streetCode);
            return null;
        }
        return area.get();
    }

    /** A valid identity number (check digit, birth date), upper-cased; null with a rejection otherwise. */
    String identityNumber(String column) {
        String v = optional(column);
        if (v == null) {
            reject(column, "is required");
            return null;
        }
        String number = IdentityNumbers.normalised(v);
        try {
            LocalDate born = IdentityNumbers.read(number).birthDate();
            if (born.isAfter(today) || born.getYear() < 1900) {
                reject(column, "holds a birth date that is not plausible");
                return null;
            }
            return number;
        } catch (IdentityNumbers.InvalidIdentityNumber e) {
            reject(column, e.reason());
            return null;
        }
    }

    /** The row's values as imported, for its content hash. */
    String canonical() {
        StringBuilder b = new StringBuilder();
        for (String column : header.keySet()) {
            String v = optional(column);
            b.append(column).append('=').append(v == null ? "" : v).append('\u001f');
        }
        return b.toString();
    }

    /** A code or enum value as the caller sent it, cut short: never used for personal columns. */
    private static String shown(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
