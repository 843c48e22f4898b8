package cn.changning.governance.reference.geography;

import cn.changning.governance.reference.ReferenceJson;
import java.util.List;
import java.util.Objects;

/**
 * A responsibility grid (责任网格).
 *
 * <p>The code follows the national unit-grid structure: 6-digit district + 3-digit street + 3-digit
 * community + 3-digit grid serial. Our responsibility grids span several residential areas, so they
 * sit directly under the street and carry community segment {@code 000}.
 *
 * @param polygon the boundary, WGS84, not closed (the last point joins the first)
 */
public record Grid(String code, String name, String nameZh, String subdistrictCode, List<GeoPoint> polygon,
                   GeoPoint centre) {

    public Grid {
        if (code == null || !code.matches("\\d{15}")) {
            throw new IllegalArgumentException("grid code must be 15 digits: " + code);
        }
        ReferenceJson.requireText(name, "grid name");
        ReferenceJson.requireText(nameZh, "grid Chinese name");
        Objects.requireNonNull(subdistrictCode, "grid subdistrict");
        if (!code.startsWith(subdistrictCode)) {
            throw new IllegalArgumentException("grid " + code + " is not coded under subdistrict " + subdistrictCode);
        }
        if (polygon == null || polygon.size() < 3) {
            throw new IllegalArgumentException("grid " + code + " needs a polygon of at least 3 points");
        }
        polygon = List.copyOf(polygon);
        Objects.requireNonNull(centre, "grid centre");
    }

    public String communitySegment() {
        return code.substring(9, 12);
    }

    public String serial() {
        return code.substring(12);
    }

    /**
     * Ray casting (even-odd rule), longitude as x and latitude as y. The strict/non-strict comparisons
     * make each polygon half-open, so a point on an edge shared by two tiled grids belongs to exactly one.
     */
    public boolean contains(GeoPoint point) {
        double x = point.lng();
        double y = point.lat();
        boolean inside = false;
        for (int i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
            GeoPoint a = polygon.get(i);
            GeoPoint b = polygon.get(j);
            if ((a.lat() > y) != (b.lat() > y)
                    && x < (b.lng() - a.lng()) * (y - a.lat()) / (b.lat() - a.lat()) + a.lng()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
