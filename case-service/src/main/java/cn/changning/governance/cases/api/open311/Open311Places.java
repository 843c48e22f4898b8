package cn.changning.governance.cases.api.open311;

import cn.changning.governance.reference.geography.GeoPoint;
import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.Grid;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request that gives only an {@code address_string} is placed: at the centre of the grid of the residential
 * area it names, else of the area or street whose name the address contains (the longest such name, English or
 * Chinese, with or without 居民区/街道/镇). A street is placed at the centre of its first grid: the case then lies in
 * the right street, whose centre files it in its real grid.
 */
public final class Open311Places {

    /** Chinese names are matched also without these suffixes (华阳居民区 → 华阳, 华阳路街道 → 华阳路). */
    private static final List<String> SUFFIXES = List.of("居民区", "街道", "镇");

    /** A place: the point and the grid it lies in. */
    public record Place(GeoPoint point, String gridCode) {
    }

    private record Name(String text, Place place) {
    }

    private final Geography geography;
    private final List<Name> names = new ArrayList<>();

    public Open311Places(Geography geography) {
        this.geography = geography;
        for (ResidentialArea area : geography.residentialAreas()) {
            geography.grid(area.gridCode()).ifPresent(grid -> add(place(grid), area.name(), area.nameZh()));
        }
        for (Subdistrict street : geography.subdistricts()) {
            geography.grids(street.code()).stream().findFirst().ifPresent(grid -> add(place(grid), street.name(), street.nameZh()));
        }
        names.sort(Comparator.comparingInt((Name n) -> n.text().length()).reversed());
    }

    /** The centre of the area's grid. */
    public Optional<Place> ofArea(ResidentialArea area) {
        return geography.grid(area.gridCode()).map(Open311Places::place);
    }

    /** The place the address names, if it names one. */
    public Optional<Place> ofAddress(String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String wanted = address.toLowerCase(Locale.ROOT);
        return names.stream().filter(n -> wanted.contains(n.text())).map(Name::place).findFirst();
    }

    private void add(Place place, String name, String nameZh) {
        names.add(new Name(name.toLowerCase(Locale.ROOT), place));
        names.add(new Name(nameZh, place));
        for (String suffix : SUFFIXES) {
            if (nameZh.endsWith(suffix) && nameZh.length() - suffix.length() >= 2) {
                names.add(new Name(nameZh.substring(0, nameZh.length() - suffix.length()), place));
            }
        }
    }

    private static Place place(Grid grid) {
        return new Place(grid.centre(), grid.code());
    }
}
