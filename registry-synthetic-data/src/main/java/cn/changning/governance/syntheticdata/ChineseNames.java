package cn.changning.governance.syntheticdata;

/**
 * Plausible Chinese personal names: a surname weighted roughly by how common it is (with a Shanghai tilt:
 * 沈, 陆, 顾, 徐, 朱 weigh more than nationally), then a given name of one or two characters. The lists and the
 * weights are written for this generator; they are approximations, not a census.
 */
final class ChineseNames {

    private static final Weighted<String> SURNAMES = new Weighted<>();

    static {
        String[] weighted = {
                "王60", "李55", "张70", "刘40", "陈60", "杨30", "黄25", "赵20", "吴28", "周26", "徐30", "孙18",
                "马13", "朱22", "胡14", "郭11", "何11", "高11", "林12", "罗9", "郑10", "梁8", "谢9", "宋8",
                "唐9", "许10", "韩7", "冯7", "邓6", "曹8", "彭6", "曾5", "肖6", "田5", "董6", "袁6", "潘7",
                "于5", "蒋8", "蔡7", "余5", "杜5", "叶6", "程5", "苏5", "魏4", "吕4", "丁5", "任4", "沈14",
                "姚6", "卢4", "姜4", "崔3", "钟3", "谭3", "陆14", "汪5", "范4", "金6", "石3", "廖3", "贾3",
                "夏4", "韦2", "付2", "方4", "白2", "邹3", "孟2", "熊2", "秦3", "邱3", "江3", "尹2", "薛3",
                "闫2", "段2", "雷2", "侯2", "龙2", "史2", "陶3", "黎2", "贺2", "顾12", "毛3", "郝2", "龚4",
                "邵4", "万2", "钱8", "严4", "武2", "戴4", "莫2", "孔2", "汤3", "倪4", "施5", "殷2", "俞4",
                "乔2", "葛3", "庞1", "樊1", "季3", "费2", "卞1", "包2", "翁2", "浦1", "瞿1", "闵1", "欧阳1",
                "司马1", "诸葛1"
        };
        for (String entry : weighted) {
            int split = 0;
            while (!Character.isDigit(entry.charAt(split))) {
                split++;
            }
            SURNAMES.add(entry.substring(0, split), Integer.parseInt(entry.substring(split)));
        }
    }

    private static final String MALE = "伟强磊军勇杰涛明超斌辉刚健波峰鹏华建国平东文龙俊浩宇轩博晨亮林成振海志忠德荣新嘉昊毅坤翔岩凯飞鑫庆宏祥春永卫兵民生金宝益根福耀荣康达";
    private static final String FEMALE = "芳娜敏静丽艳娟霞秀英玲燕红梅琳萍雪婷颖洁慧倩佳怡欣雯蕾琴云莉凤兰珍莹晶瑶璐悦淑华月薇丹蓉素桂彩凤妹";
    /** First characters of two-character given names, shared by men and women. */
    private static final String LEADING = "子一思晓文海小建国志雨天嘉明春永立家金德玉秀美俊宏佳";

    private ChineseNames() {
    }

    static String next(SeededRandom random, boolean male) {
        String given = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder(4).append(SURNAMES.pick(random));
        double r = random.nextDouble();
        if (r < 0.22) {
            name.append(random.pick(given));
        } else if (r < 0.62) {
            name.append(random.pick(LEADING)).append(random.pick(given));
        } else {
            char first = random.pick(given);
            char second = random.pick(given);
            name.append(first).append(second);
        }
        return name.toString();
    }
}
