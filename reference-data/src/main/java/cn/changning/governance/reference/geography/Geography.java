package cn.changning.governance.reference.geography;

import cn.changning.governance.reference.ReferenceJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The district's places: its subdistricts, responsibility grids and residential areas, from
 * {@value #RESOURCE}. Immutable; load once and share.
 */
public final class Geography {

    public static final String RESOURCE = "reference/geography.v1.json";

    private final String districtCode;
    private final String districtName;
    private final String districtNameZh;
    private final Map<String, Subdistrict> subdistricts;
    private final Map<String, Grid> grids;
    private final Map<String, ResidentialArea> residentialAreas;

    /** Validates the cross-references, so a bad data file fails at start-up rather than in a case. */
    public Geography(String districtCode, String districtName, String districtNameZh,
                     List<Subdistrict> subdistricts, List<Grid> grids, List<ResidentialArea> residentialAreas) {
        if (districtCode == null || !districtCode.matches("\\d{6}")) {
            throw new IllegalArgumentException("district code must be 6 digits: " + districtCode);
        }
        this.districtCode = districtCode;
        this.districtName = ReferenceJson.requireText(districtName, "district name");
        this.districtNameZh = ReferenceJson.requireText(districtNameZh, "district Chinese name");
        this.subdistricts = index(subdistricts, Subdistrict::code, "subdistrict");
        this.grids = index(grids, Grid::code, "grid");
        this.residentialAreas = index(residentialAreas, ResidentialArea::code, "residential area");
        for (Subdistrict s : this.subdistricts.values()) {
            if (!s.districtCode().equals(districtCode)) {
                throw new IllegalArgumentException("subdistrict " + s.code() + " is not in district " + districtCode);
            }
        }
        for (Grid g : this.grids.values()) {
            if (!this.subdistricts.containsKey(g.subdistrictCode())) {
                throw new IllegalArgumentException("grid " + g.code() + " names unknown subdistrict " + g.subdistrictCode());
            }
        }
        for (ResidentialArea a : this.residentialAreas.values()) {
            Grid grid = this.grids.get(a.gridCode());
            if (grid == null || !grid.subdistrictCode().equals(a.subdistrictCode())) {
                throw new IllegalArgumentException("residential area " + a.code() + " names grid " + a.gridCode()
                        + " which is not in subdistrict " + a.subdistrictCode());
            }
        }
    }

    /**
     * The file states each fact once: a grid's subdistrict is the first 9 digits of its code and its name is
     * derived from the subdistrict's; a residential area names only its grid, the subdistrict follows.
     */
    public static Geography load() {
        GeographyJson json = ReferenceJson.read(RESOURCE, GeographyJson.class);
        Map<String, Subdistrict> subdistricts = index(json.subdistricts(), Subdistrict::code, "subdistrict");
        List<Grid> grids = json.grids().stream().map(g -> g.toGrid(subdistricts)).toList();
        Map<String, Grid> gridsByCode = index(grids, Grid::code, "grid");
        List<ResidentialArea> areas = json.residentialAreas().stream().map(a -> a.toArea(gridsByCode)).toList();
        return new Geography(json.district().code(), json.district().name(), json.district().nameZh(),
                json.subdistricts(), grids, areas);
    }

    public String districtCode() {
        return districtCode;
    }

    public String districtName() {
        return districtName;
    }

    public String districtNameZh() {
        return districtNameZh;
    }

    public List<Subdistrict> subdistricts() {
        return List.copyOf(subdistricts.values());
    }

    public Optional<Subdistrict> subdistrict(String code) {
        return Optional.ofNullable(subdistricts.get(code));
    }

    public List<Grid> grids() {
        return List.copyOf(grids.values());
    }

    public List<Grid> grids(String subdistrictCode) {
        return grids.values().stream().filter(g -> g.subdistrictCode().equals(subdistrictCode)).toList();
    }

    public Optional<Grid> grid(String code) {
        return Optional.ofNullable(grids.get(code));
    }

    public List<ResidentialArea> residentialAreas() {
        return List.copyOf(residentialAreas.values());
    }

    public List<ResidentialArea> residentialAreasInGrid(String gridCode) {
        return residentialAreas.values().stream().filter(a -> a.gridCode().equals(gridCode)).toList();
    }

    public List<ResidentialArea> residentialAreasInSubdistrict(String subdistrictCode) {
        return residentialAreas.values().stream().filter(a -> a.subdistrictCode().equals(subdistrictCode)).toList();
    }

    public Optional<ResidentialArea> residentialArea(String code) {
        return Optional.ofNullable(residentialAreas.get(code));
    }

    /** The grid a reported position falls in; empty outside the district's grids. */
    public Optional<Grid> gridAt(GeoPoint point) {
        return grids.values().stream().filter(g -> g.contains(point)).findFirst();
    }

    /** Haversine distance, for the 50 m nearby-duplicate check. */
    public static double distanceMetres(GeoPoint a, GeoPoint b) {
        return a.distanceMetresTo(b);
    }

    private static <T> Map<String, T> index(List<T> values, Function<T, String> code, String what) {
        if (values == null) {
            throw new IllegalArgumentException("no " + what + " list");
        }
        Map<String, T> byCode = new LinkedHashMap<>();
        for (T value : values) {
            if (byCode.putIfAbsent(code.apply(value), value) != null) {
                throw new IllegalArgumentException("duplicate " + what + " code " + code.apply(value));
            }
        }
        return Collections.unmodifiableMap(byCode);
    }

    private record GeographyJson(DistrictJson district, List<Subdistrict> subdistricts, List<GridJson> grids,
                                 List<AreaJson> residentialAreas) {
    }

    private record DistrictJson(String code, String name, String nameZh) {
    }

    /** Coordinates are stored GeoJSON-style as [lng, lat]. */
    private record GridJson(String code, List<double[]> polygon, double[] centre) {

        Grid toGrid(Map<String, Subdistrict> subdistricts) {
            if (code == null || !code.matches("\\d{15}")) {
                throw new IllegalArgumentException("grid code must be 15 digits: " + code);
            }
            Subdistrict subdistrict = subdistricts.get(code.substring(0, 9));
            if (subdistrict == null) {
                throw new IllegalArgumentException("grid " + code + " is not coded under a known subdistrict");
            }
            List<GeoPoint> points = new ArrayList<>();
            for (double[] p : polygon) {
                points.add(point(p));
            }
            int serial = Integer.parseInt(code.substring(12));
            return new Grid(code, subdistrict.name() + " Grid " + serial, subdistrict.nameZh() + "第" + serial + "网格",
                    subdistrict.code(), points, point(centre));
        }

        private GeoPoint point(double[] lngLat) {
            if (lngLat == null || lngLat.length != 2) {
                throw new IllegalArgumentException("grid " + code + ": a point must be [lng, lat]");
            }
            return new GeoPoint(lngLat[1], lngLat[0]);
        }
    }

    private record AreaJson(String code, String name, String nameZh, String gridCode) {

        ResidentialArea toArea(Map<String, Grid> grids) {
            Grid grid = grids.get(gridCode);
            if (grid == null) {
                throw new IllegalArgumentException("residential area " + code + " names unknown grid " + gridCode);
            }
            return new ResidentialArea(code, name, nameZh, gridCode, grid.subdistrictCode());
        }
    }
}
