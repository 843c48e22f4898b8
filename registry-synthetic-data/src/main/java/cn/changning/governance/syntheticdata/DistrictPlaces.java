package cn.changning.governance.syntheticdata;

import cn.changning.governance.reference.geography.Geography;
import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.reference.geography.Subdistrict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streets and residential areas rows are placed in (the reference data's; the generator invents none), and
 * the roads addresses are written on: a handful of the district's roads per street, from general knowledge of
 * the district, enough for addresses to read right.
 */
final class DistrictPlaces {

    private static final Map<String, String[]> ROADS = Map.of(
            "001", new String[] {"华阳路", "安化路", "定西路", "长宁路", "镇宁路", "万航渡路", "延安西路"},
            "002", new String[] {"江苏路", "愚园路", "武夷路", "利西路", "东诸安浜路", "长宁支路"},
            "004", new String[] {"新华路", "番禺路", "法华镇路", "定西路", "凯旋路", "平武路"},
            "005", new String[] {"长宁路", "中山西路", "安顺路", "武夷路", "凯旋路"},
            "006", new String[] {"天山路", "娄山关路", "遵义路", "芙蓉江路", "延安西路"},
            "008", new String[] {"仙霞路", "威宁路", "茅台路", "水城路", "虹古路", "芙蓉江路"},
            "009", new String[] {"虹桥路", "古北路", "伊犁路", "红宝石路", "延安西路", "中山西路"},
            "010", new String[] {"虹桥路", "哈密路", "程家桥路", "上航路", "剑河路"},
            "011", new String[] {"天山西路", "北渔路", "新渔路", "哈密路", "金钟路", "协和路"},
            "102", new String[] {"天山西路", "剑河路", "泉口路", "绥宁路", "平塘路", "金浜路"});

    /** A street with the areas the current scale uses. */
    record Street(Subdistrict subdistrict, List<ResidentialArea> areas, String[] roads) {

        String code() {
            return subdistrict.code();
        }

        /** 华阳路街道 → 华阳路, 新泾镇 → 新泾: the short form used in organisation names. */
        String shortName() {
            String name = subdistrict.nameZh();
            return name.endsWith("街道") ? name.substring(0, name.length() - 2) : name.substring(0, name.length() - 1);
        }
    }

    private final String districtNameZh;
    private final List<Street> streets;
    private final List<ResidentialArea> areas;

    /**
     * @param areaLimit how many residential areas to use; fewer than all are taken round-robin over the streets,
     *                  so even a small set covers every street, from the end of each street's list (tests of other
     *                  parts tend to use the first areas)
     */
    DistrictPlaces(Geography geography, int areaLimit) {
        this.districtNameZh = geography.districtNameZh();
        Map<String, List<ResidentialArea>> byStreet = new LinkedHashMap<>();
        for (Subdistrict s : geography.subdistricts()) {
            byStreet.put(s.code(), new ArrayList<>());
        }
        List<List<ResidentialArea>> all = geography.subdistricts().stream()
                .map(s -> geography.residentialAreasInSubdistrict(s.code())).toList();
        List<ResidentialArea> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < areaLimit; round++) {
            boolean any = false;
            for (List<ResidentialArea> inStreet : all) {
                if (round < inStreet.size() && chosen.size() < areaLimit) {
                    chosen.add(inStreet.get(inStreet.size() - 1 - round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        chosen.sort((a, b) -> a.code().compareTo(b.code()));
        for (ResidentialArea a : chosen) {
            byStreet.get(a.subdistrictCode()).add(a);
        }
        List<Street> list = new ArrayList<>();
        for (Subdistrict s : geography.subdistricts()) {
            String[] roads = ROADS.getOrDefault(s.streetCode(), new String[] {s.nameZh().substring(0, 2) + "路"});
            list.add(new Street(s, List.copyOf(byStreet.get(s.code())), roads));
        }
        this.streets = List.copyOf(list);
        this.areas = List.copyOf(chosen);
    }

    List<Street> streets() {
        return streets;
    }

    List<ResidentialArea> areas() {
        return areas;
    }

    Street street(String code) {
        for (Street s : streets) {
            if (s.code().equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown street " + code);
    }

    /** 长宁区华阳路街道安化路123弄12号302室 */
    String address(SeededRandom random, Street street) {
        return districtNameZh + street.subdistrict().nameZh() + street.roads()[random.nextInt(street.roads().length)]
                + random.between(1, 1500) + "弄" + random.between(1, 60) + "号"
                + random.between(1, 24) + "0" + random.between(1, 6) + "室";
    }

    /** A street picked in proportion to its areas (streets with more areas have more of everything). */
    Street weightedStreet(SeededRandom random) {
        int total = 0;
        for (Street s : streets) {
            total += s.areas().size() + 1;
        }
        int r = random.nextInt(total);
        for (Street s : streets) {
            r -= s.areas().size() + 1;
            if (r < 0) {
                return s;
            }
        }
        return streets.get(streets.size() - 1);
    }
}
