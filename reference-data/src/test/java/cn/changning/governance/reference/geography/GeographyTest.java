package cn.changning.governance.reference.geography;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GeographyTest {

    private static final Geography GEOGRAPHY = Geography.load();

    @Test
    void changningHasItsTenSubdistrictsNineStreetsAndOneTown() {
        assertThat(GEOGRAPHY.districtCode()).isEqualTo("310105");
        assertThat(GEOGRAPHY.districtName()).isEqualTo("Changning");
        assertThat(GEOGRAPHY.subdistricts()).hasSize(10);
        assertThat(GEOGRAPHY.subdistricts()).filteredOn(s -> s.kind() == SubdistrictKind.STREET).hasSize(9);
        assertThat(GEOGRAPHY.subdistricts()).filteredOn(s -> s.kind() == SubdistrictKind.TOWN)
                .extracting(Subdistrict::name).containsExactly("Xinjing");
        assertThat(GEOGRAPHY.subdistricts()).extracting(Subdistrict::name).containsExactlyInAnyOrder(
                "Huayang Road", "Jiangsu Road", "Xinhua Road", "Zhoujiaqiao", "Tianshan Road",
                "Xianxia Xincun", "Hongqiao", "Chengjiaqiao", "Beixinjing", "Xinjing");
        assertThat(GEOGRAPHY.subdistricts()).allSatisfy(s -> {
            assertThat(s.code()).matches("310105\\d{3}");
            assertThat(s.nameZh()).endsWith(s.kind() == SubdistrictKind.TOWN ? "镇" : "街道");
        });
        assertThat(GEOGRAPHY.subdistrict("310105001")).get().extracting(Subdistrict::name).isEqualTo("Huayang Road");
    }

    @Test
    void thirtyThreeGridsWithFifteenDigitCodesUnderTheirSubdistrict() {
        List<Grid> grids = GEOGRAPHY.grids();
        assertThat(grids).hasSize(33);
        assertThat(grids).extracting(Grid::code).doesNotHaveDuplicates();
        assertThat(grids).allSatisfy(g -> {
            Subdistrict s = GEOGRAPHY.subdistrict(g.subdistrictCode()).orElseThrow();
            assertThat(g.code()).matches("\\d{15}").startsWith("310105" + s.streetCode());
            assertThat(GEOGRAPHY.grid(g.code())).contains(g);
        });
        for (Subdistrict s : GEOGRAPHY.subdistricts()) {
            assertThat(GEOGRAPHY.grids(s.code())).as("grids of %s", s.name()).hasSizeBetween(3, 4);
        }
    }

    @Test
    void oneHundredEightyFiveResidentialAreasFiveOrSixPerGrid() {
        List<ResidentialArea> areas = GEOGRAPHY.residentialAreas();
        assertThat(areas).hasSize(185);
        assertThat(areas).extracting(ResidentialArea::code).doesNotHaveDuplicates();
        assertThat(areas).extracting(ResidentialArea::nameZh).doesNotHaveDuplicates();
        assertThat(areas).allSatisfy(a -> {
            assertThat(a.code()).matches("\\d{12}").startsWith(a.subdistrictCode());
            assertThat(GEOGRAPHY.grid(a.gridCode())).get().extracting(Grid::subdistrictCode).isEqualTo(a.subdistrictCode());
        });
        for (Grid g : GEOGRAPHY.grids()) {
            assertThat(GEOGRAPHY.residentialAreasInGrid(g.code())).as("areas of %s", g.name()).hasSizeBetween(5, 6);
        }
        int bySubdistrict = GEOGRAPHY.subdistricts().stream()
                .mapToInt(s -> GEOGRAPHY.residentialAreasInSubdistrict(s.code()).size()).sum();
        assertThat(bySubdistrict).isEqualTo(185);
    }

    @Test
    void allCodesAreUniqueAcrossLevels() {
        Map<String, Long> codes = java.util.stream.Stream.of(
                        GEOGRAPHY.subdistricts().stream().map(Subdistrict::code),
                        GEOGRAPHY.grids().stream().map(Grid::code),
                        GEOGRAPHY.residentialAreas().stream().map(ResidentialArea::code))
                .flatMap(Function.identity())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(codes).hasSize(10 + 33 + 185);
    }

    @Test
    void gridsLieWithinTheDistrictBounds() {
        assertThat(GEOGRAPHY.grids()).allSatisfy(g -> assertThat(g.polygon()).allSatisfy(p -> {
            assertThat(p.lng()).isBetween(121.33, 121.45);
            assertThat(p.lat()).isBetween(31.19, 31.233);
        }));
    }

    @Test
    void everyGridResolvesItsCentreAndPointsJustInsideItsCornersToItselfAlone() {
        for (Grid g : GEOGRAPHY.grids()) {
            assertResolvesOnlyTo(g.centre(), g);
            for (GeoPoint corner : g.polygon()) {
                // 1% of the way from the corner towards the centre: a few metres inside.
                GeoPoint inside = new GeoPoint(
                        corner.lat() + (g.centre().lat() - corner.lat()) * 0.01,
                        corner.lng() + (g.centre().lng() - corner.lng()) * 0.01);
                assertResolvesOnlyTo(inside, g);
            }
        }
    }

    private static void assertResolvesOnlyTo(GeoPoint point, Grid expected) {
        assertThat(GEOGRAPHY.gridAt(point)).as("grid at %s", point).contains(expected);
        assertThat(GEOGRAPHY.grids()).filteredOn(g -> g.contains(point)).as("grids containing %s", point)
                .containsExactly(expected);
    }

    @Test
    void aSharedEdgeBelongsToExactlyOneGrid() {
        Grid g = GEOGRAPHY.grids().get(0);
        GeoPoint onEdge = new GeoPoint(g.polygon().get(0).lat(), g.centre().lng());
        assertThat(GEOGRAPHY.grids()).filteredOn(x -> x.contains(onEdge)).hasSize(1);
    }

    @Test
    void pointsOutsideTheDistrictResolveToNothing() {
        assertThat(GEOGRAPHY.gridAt(new GeoPoint(31.2304, 121.4737))).as("People's Square, Huangpu").isEmpty();
        assertThat(GEOGRAPHY.gridAt(new GeoPoint(31.2397, 121.4998))).as("Lujiazui, Pudong").isEmpty();
        assertThat(GEOGRAPHY.gridAt(new GeoPoint(39.9042, 116.4074))).as("Beijing").isEmpty();
    }

    @Test
    void knownPlacesFallInTheirStreet() {
        Set<String> huayangOrJiangsu = Set.of("310105001", "310105002");
        // Zhongshan Park, on the Huayang Road / Jiangsu Road side of the district.
        assertThat(GEOGRAPHY.gridAt(new GeoPoint(31.2215, 121.4195))).get()
                .extracting(Grid::subdistrictCode).isIn(huayangOrJiangsu);
        // Shanghai Zoo, Chengjiaqiao.
        assertThat(GEOGRAPHY.gridAt(new GeoPoint(31.1930, 121.3735))).get()
                .extracting(Grid::subdistrictCode).isEqualTo("310105010");
    }

    @Test
    void haversineDistance() {
        GeoPoint a = new GeoPoint(31.2000, 121.4000);
        assertThat(Geography.distanceMetres(a, a)).isZero();
        // 0.001 degree of latitude is 111.19 m on the mean sphere.
        assertThat(Geography.distanceMetres(a, new GeoPoint(31.2010, 121.4000))).isCloseTo(111.19, within(0.05));
        // A degree of longitude shrinks by cos(latitude).
        assertThat(Geography.distanceMetres(a, new GeoPoint(31.2000, 121.4010)))
                .isCloseTo(111.19 * Math.cos(Math.toRadians(31.2)), within(0.05));
        GeoPoint near = new GeoPoint(31.20040, 121.40020);
        assertThat(Geography.distanceMetres(a, near)).isLessThan(50.0)
                .isCloseTo(Geography.distanceMetres(near, a), within(1e-9));
    }

    @Test
    void geoPointRejectsImpossibleCoordinates() {
        assertThatThrownBy(() -> new GeoPoint(91, 121.4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(31.2, 181)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 121.4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geographyRejectsAResidentialAreaInAGridOfAnotherSubdistrict() {
        Subdistrict huayang = new Subdistrict("310105001", "Huayang Road", "华阳路街道", SubdistrictKind.STREET);
        Subdistrict jiangsu = new Subdistrict("310105002", "Jiangsu Road", "江苏路街道", SubdistrictKind.STREET);
        Grid grid = GEOGRAPHY.grid("310105001000001").orElseThrow();
        ResidentialArea stray = new ResidentialArea("310105002001", "Yuyuan", "愚园居民区", "310105002000001", "310105002");
        assertThatThrownBy(() -> new Geography("310105", "Changning", "长宁区", List.of(huayang, jiangsu),
                List.of(grid), List.of(stray))).isInstanceOf(IllegalArgumentException.class);
    }
}
