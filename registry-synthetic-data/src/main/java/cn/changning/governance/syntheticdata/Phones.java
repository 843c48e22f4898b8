package cn.changning.governance.syntheticdata;

import java.util.HashSet;
import java.util.Set;

/** Mainland mobile numbers: 11 digits behind a plausible carrier prefix 13x–19x; unique within one run. */
final class Phones {

    private static final Weighted<String> PREFIXES = new Weighted<>();

    static {
        for (String p : new String[] {"130", "131", "132", "133", "134", "135", "136", "137", "138", "139"}) {
            PREFIXES.add(p, 10);
        }
        for (String p : new String[] {"150", "151", "152", "153", "155", "156", "157", "158", "159"}) {
            PREFIXES.add(p, 7);
        }
        for (String p : new String[] {"180", "181", "182", "183", "185", "186", "187", "188", "189"}) {
            PREFIXES.add(p, 6);
        }
        for (String p : new String[] {"147", "166", "173", "175", "176", "177", "178", "191", "198", "199"}) {
            PREFIXES.add(p, 2);
        }
    }

    private final Set<String> issued = new HashSet<>();

    String next(SeededRandom random) {
        while (true) {
            String phone = PREFIXES.pick(random) + random.digits(8);
            if (issued.add(phone)) {
                return phone;
            }
        }
    }
}
