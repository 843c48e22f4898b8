package cn.changning.governance.syntheticdata;

import cn.changning.governance.reference.geography.ResidentialArea;
import cn.changning.governance.syntheticdata.DistrictPlaces.Street;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Office buildings, resident units (with their credit codes), and the units' youth-league organisations and unions. */
final class UnitPlan {

    record PlannedBuilding(String code, String name, String streetCode, String areaCode) {
    }

    record PlannedUnit(String creditCode, String name, String category, String streetCode, int employees) {
    }

    static final String BRAND = "华新联盛达通宏泰安信恒瑞丰祥和美元天金海东方嘉禾中汇创智锦程博远云腾君悦同德星辰致润福益康宝";
    private static final String[] INDUSTRIES = {"科技", "信息技术", "贸易", "餐饮管理", "咨询", "广告", "物业管理",
            "文化传播", "建筑装饰", "电子商务", "投资管理", "人力资源", "医疗器械", "教育科技", "物流", "软件", "设计",
            "网络科技", "商务服务", "旅行社"};
    private static final String[] SOCIAL = {"社会工作服务社", "养老服务中心", "青少年活动中心", "文化艺术培训学校",
            "志愿者协会", "社区服务中心", "心理咨询服务中心", "公益促进会"};
    private static final String[] INSTITUTIONS = {"小学", "中学", "幼儿园", "社区卫生服务中心", "图书馆分馆",
            "文化活动中心", "医院", "职业技术学校"};
    private static final String[] GOVERNMENT = {"社区事务受理服务中心", "城市管理执法中队", "市场监管所", "房管办",
            "绿化市容所", "税务所", "司法所", "社区党群服务中心"};
    private static final String[] BUILDING_SUFFIX = {"大厦", "广场", "中心", "国际大厦", "商务楼", "科技园"};
    private static final Map<String, Integer> BUILDING_WEIGHT = Map.of("001", 30, "002", 20, "004", 15, "005", 10,
            "006", 35, "008", 10, "009", 45, "010", 10, "011", 8, "102", 30);
    /** Shares of the 19,193 units; the two "new" kinds make 9,000, one full-time worker per 150 of them. */
    private static final String[] CATEGORIES = {"NEW_ECONOMIC", "NEW_SOCIAL", "STATE_OWNED", "PUBLIC_INSTITUTION",
            "GOVERNMENT_BODY"};
    private static final double[] CATEGORY_SHARES = {8_150, 850, 4_700, 3_900, 1_593};

    private final DistrictPlaces places;
    private final long seed;
    private final List<PlannedBuilding> buildings = new ArrayList<>();
    private final Map<String, List<PlannedBuilding>> buildingsByStreet = new HashMap<>();
    private final List<PlannedUnit> units = new ArrayList<>();

    private final int serialOffset;

    UnitPlan(DistrictPlaces places, long seed, int buildingCount, int serialOffset) {
        this.serialOffset = serialOffset;
        this.places = places;
        this.seed = seed;
        SeededRandom random = SeededRandom.forPurpose(seed, "buildings");
        Weighted<Street> streets = new Weighted<>();
        for (Street s : places.streets()) {
            streets.add(s, BUILDING_WEIGHT.getOrDefault(s.subdistrict().streetCode(), 10));
        }
        Map<String, Integer> serials = new HashMap<>();
        for (int i = 0; i < buildingCount; i++) {
            Street street = streets.pick(random);
            int serial = serials.merge(street.code(), 1, Integer::sum);
            String name = brand(random) + BUILDING_SUFFIX[random.nextInt(BUILDING_SUFFIX.length)];
            PlannedBuilding b = new PlannedBuilding(street.code() + "-B%04d".formatted(serialOffset + serial), name, street.code(),
                    area(random, street));
            buildings.add(b);
            buildingsByStreet.computeIfAbsent(street.code(), k -> new ArrayList<>()).add(b);
        }
    }

    static String brand(SeededRandom random) {
        return "" + random.pick(BRAND) + random.pick(BRAND);
    }

    private static String area(SeededRandom random, Street street) {
        List<ResidentialArea> areas = street.areas();
        return areas.isEmpty() ? "" : random.pick(areas).code();
    }

    List<PlannedBuilding> buildings() {
        return buildings;
    }

    long writeBuildings(Path file) throws IOException {
        SeededRandom random = SeededRandom.forPurpose(seed, "building-floors");
        try (CsvOut out = new CsvOut(file, RegistryFile.BUILDINGS.header())) {
            for (PlannedBuilding b : buildings) {
                out.row(b.code(), b.name(), b.streetCode(), b.areaCode(), random.between(6, 48));
            }
            return out.rows();
        }
    }

    /** Units are kept (credit code, street, size) for the youth-league and union rows that name them. */
    long writeUnits(Path file, int count) throws IOException {
        SeededRandom random = SeededRandom.forPurpose(seed, "units");
        int[] perCategory = Dates.apportion(count, CATEGORY_SHARES);
        int[] order = new int[count];
        for (int c = 0, k = 0; c < perCategory.length; c++) {
            for (int i = 0; i < perCategory[c]; i++) {
                order[k++] = c;
            }
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        CreditCodes codes = new CreditCodes();
        try (CsvOut out = new CsvOut(file, RegistryFile.RESIDENT_UNITS.header())) {
            for (int c : order) {
                String category = CATEGORIES[c];
                Street street = places.weightedStreet(random);
                List<PlannedBuilding> inStreet = buildingsByStreet.getOrDefault(street.code(), List.of());
                double inBuilding = switch (c) {
                    case 0 -> 0.45;
                    case 1 -> 0.15;
                    case 2 -> 0.35;
                    default -> 0.04;
                };
                PlannedBuilding building = !inStreet.isEmpty() && random.chance(inBuilding) ? random.pick(inStreet)
                        : null;
                String areaCode = building != null ? building.areaCode() : area(random, street);
                boolean individual = c == 0 && random.chance(0.1);
                String authority = switch (c) {
                    case 0 -> individual ? "92" : "91";
                    case 1 -> random.chance(0.7) ? "52" : "51";
                    case 2 -> "91";
                    case 3 -> "12";
                    default -> "11";
                };
                String region = random.chance(0.88) ? "310105"
                        : random.pick(List.of("310000", "310104", "310106", "310115", "310101"));
                String name = unitName(random, c, individual, street);
                int max = new int[] {800, 120, 5000, 1500, 400}[c];
                int employees = (int) Math.max(1, Math.round(Math.exp(random.nextDouble() * Math.log(max))));
                PlannedUnit unit = new PlannedUnit(codes.next(random, authority, region), name, category,
                        street.code(), employees);
                units.add(unit);
                out.row(unit.creditCode(), name, category, street.code(), areaCode,
                        building == null ? "" : building.code(), employees);
            }
            return out.rows();
        }
    }

    private static String unitName(SeededRandom random, int category, boolean individual, Street street) {
        String brand = brand(random);
        return switch (category) {
            case 0 -> individual ? "长宁区" + brand + random.pick(List.of("便利店", "餐饮店", "理发店", "五金店", "服装店"))
                    : "上海" + brand + INDUSTRIES[random.nextInt(INDUSTRIES.length)]
                    + (random.chance(0.1) ? "股份有限公司" : "有限公司");
            case 1 -> "上海市长宁区" + brand + SOCIAL[random.nextInt(SOCIAL.length)];
            case 2 -> "上海" + brand + random.pick(List.of("集团有限公司", "实业有限公司", "投资有限公司"))
                    + (random.chance(0.4) ? "长宁分公司" : "");
            case 3 -> "上海市长宁区" + brand + INSTITUTIONS[random.nextInt(INSTITUTIONS.length)];
            default -> "长宁区" + street.subdistrict().nameZh() + GOVERNMENT[random.nextInt(GOVERNMENT.length)];
        };
    }

    /** Two new organisations (NEW_ECONOMIC, NEW_SOCIAL) per street, for the party workers' spread. */
    Map<String, Integer> twoNewByStreet() {
        Map<String, Integer> counts = new HashMap<>();
        for (PlannedUnit u : units) {
            if (u.category().startsWith("NEW_")) {
                counts.merge(u.streetCode(), 1, Integer::sum);
            }
        }
        return counts;
    }

    long writeYouthLeague(Path file, int count) throws IOException {
        return writeUnitBodies(file, RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS, count, "Y", "youth-league");
    }

    long writeTradeUnions(Path file, int count) throws IOException {
        return writeUnitBodies(file, RegistryFile.TRADE_UNIONS, count, "T", "trade-unions");
    }

    /** Each body belongs to a distinct unit, larger units more likely (a youth league or union needs members). */
    private long writeUnitBodies(Path file, RegistryFile kind, int count, String letter, String purpose)
            throws IOException {
        if (count > units.size()) {
            throw new IllegalArgumentException("more " + kind.kind() + " than units");
        }
        SeededRandom random = SeededRandom.forPurpose(seed, purpose);
        BitSet taken = new BitSet(units.size());
        Map<String, Integer> serials = new HashMap<>();
        boolean youth = kind == RegistryFile.YOUTH_LEAGUE_ORGANIZATIONS;
        try (CsvOut out = new CsvOut(file, kind.header())) {
            int attempts = 0;
            while (out.rows() < count) {
                int i = random.nextInt(units.size());
                PlannedUnit unit = units.get(i);
                attempts++;
                boolean bigEnough = unit.employees() >= 20 || attempts > 50 * count;
                if (taken.get(i) || !bigEnough) {
                    continue;
                }
                taken.set(i);
                int serial = serials.merge(unit.streetCode(), 1, Integer::sum);
                String code = unit.streetCode() + "-" + letter + "%04d".formatted(serialOffset + serial);
                int members = youth ? random.between(3, Math.max(3, Math.min(300, unit.employees() / 3)))
                        : random.between(Math.max(3, unit.employees() / 2), Math.max(3, unit.employees()));
                String name = youth ? "共青团" + unit.name() + (members >= 30 ? "委员会" : "支部委员会")
                        : unit.name() + "工会委员会";
                out.row(code, name, unit.streetCode(), unit.creditCode(), members);
            }
            return out.rows();
        }
    }
}
