package cn.changning.governance.cases.api.open311;

import cn.changning.governance.contracts.cases.CaseLocation;
import cn.changning.governance.contracts.cases.ReportSource;
import cn.changning.governance.reference.catalogue.ManagementItem;
import cn.changning.governance.reference.geography.ResidentialArea;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code POST requests} form read as a report: the item, the place, the description exactly as sent (CRLF kept),
 * who found it and the reporter's name, phone and email (in clear here: the controller seals them before anything
 * records them). {@code address_id}, {@code account_id}, {@code device_id} and {@code media_url} are accepted and
 * dropped; attributes the service does not define are ignored, as partners add their own.
 *
 * @param name  {@code first_name} and {@code last_name} joined by a space; either alone as given; null for neither
 * @param phone null when not given
 * @param email null when not given
 */
public record Open311Report(ManagementItem item, CaseLocation location, String description, ReportSource source,
                            String name, String phone, String email) {

    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ADDRESS = 500;
    static final int MAX_PERSONAL = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,3}(\\.\\d{1,15})?");

    /** The form's fields: one value each (the first of a repeated one). */
    public static Open311Report read(Map<String, String> form, Open311Services services, Open311Places places) {
        String serviceCode = text(form, "service_code", 10);
        if (serviceCode == null) {
            throw Open311Exception.badRequest("service_code: required");
        }
        ManagementItem item = services.item(serviceCode)
                .orElseThrow(() -> Open311Exception.notFound("service_code: no service " + serviceCode));
        String description = form.get("description");
        if (description == null || description.isBlank()) {
            throw Open311Exception.badRequest("description: required (the platform files no report without one)");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw Open311Exception.badRequest("description: at most " + MAX_DESCRIPTION + " characters");
        }
        checkCharacters("description", description, true);
        Optional<ResidentialArea> area = Optional.ofNullable(text(form, "attribute[" + Open311Services.RESIDENTIAL_AREA + "]", 20))
                .map(code -> services.area(code).orElseThrow(() -> Open311Exception.badRequest(
                        "attribute[" + Open311Services.RESIDENTIAL_AREA + "]: no residential area " + code)));
        ReportSource source = Optional.ofNullable(text(form, "attribute[" + Open311Services.SOURCE + "]", 40))
                .map(Open311Report::source).orElse(Open311Services.DEFAULT_SOURCE);
        String first = text(form, "first_name", MAX_PERSONAL);
        String last = text(form, "last_name", MAX_PERSONAL);
        String name = first == null ? last : last == null ? first : first + " " + last;
        if (name != null && name.length() > MAX_PERSONAL) {
            throw Open311Exception.badRequest("first_name, last_name: at most " + MAX_PERSONAL + " characters together");
        }
        String email = text(form, "email", MAX_EMAIL);
        if (email != null && (email.indexOf('@') <= 0 || email.indexOf('@') == email.length() - 1)) {
            throw Open311Exception.badRequest("email: not an address");
        }
        return new Open311Report(item, location(form, area, places), description, source, name,
                text(form, "phone", MAX_PERSONAL), email);
    }

    private static CaseLocation location(Map<String, String> form, Optional<ResidentialArea> area, Open311Places places) {
        String lat = text(form, "lat", 30);
        String lng = text(form, "long", 30);
        String address = text(form, "address_string", MAX_ADDRESS);
        String gridCode = area.flatMap(places::ofArea).map(Open311Places.Place::gridCode).orElse(null);
        if (lat != null || lng != null) {
            if (lat == null || lng == null) {
                throw Open311Exception.badRequest("lat, long: give both, or address_string");
            }
            return new CaseLocation(coordinate("lat", lat, 90), coordinate("long", lng, 180), gridCode, address);
        }
        if (address == null) {
            throw Open311Exception.badRequest("lat, long, address_string: a location is required (lat and long, or address_string)");
        }
        Open311Places.Place place = area.flatMap(places::ofArea).or(() -> places.ofAddress(address))
                .orElseThrow(() -> Open311Exception.badRequest(
                        "address_string could not be placed: give lat and long, or attribute[residential_area]"));
        return new CaseLocation(place.point().lat(), place.point().lng(), place.gridCode(), address);
    }

    private static double coordinate(String field, String value, int bound) {
        if (!DECIMAL.matcher(value).matches()) {
            throw Open311Exception.badRequest(field + ": a decimal number of degrees (WGS84), e.g. 31.2204");
        }
        double degrees = Double.parseDouble(value);
        if (Math.abs(degrees) > bound) {
            throw Open311Exception.badRequest(field + ": between -" + bound + " and " + bound);
        }
        return degrees;
    }

    private static ReportSource source(String value) {
        return Open311Services.RELAYED_SOURCES.stream().filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> Open311Exception.badRequest("attribute[" + Open311Services.SOURCE + "]: one of "
                        + Open311Services.RELAYED_SOURCES));
    }

    /** A field's value, stripped; null when absent or blank (partners send empty fields for what they lack). */
    static String text(Map<String, String> form, String field, int max) {
        String value = form.get(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.length() > max) {
            throw Open311Exception.badRequest(field + ": at most " + max + " characters");
        }
        checkCharacters(field, value, false);
        return value;
    }

    /** No control characters (a NUL would reach the stores); line ends and tabs only in a description. */
    static void checkCharacters(String field, String value, boolean lines) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = lines && (c == '\r' || c == '\n' || c == '\t');
            if ((c < 0x20 || c == 0x7F) && !allowed) {
                throw Open311Exception.badRequest(field + ": holds a control character (U+" + String.format("%04X", (int) c) + ")");
            }
        }
    }
}
