package org.triplehelix.registry.demo;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Region names as the registry's region taxonomy spells them (V2_2__taxonomies.sql): provinces
 * found from English names or ISO 3166-2:CN codes, Hubei's prefectures from place names in
 * pinyin or Chinese.
 */
final class Regions {

    static final String HUBEI = "湖北省";

    record Province(String zh, String en, String iso) {
    }

    record Prefecture(String zh, String shortZh, List<String> pinyin) {
    }

    static final List<Province> PROVINCES = List.of(
            new Province("北京市", "Beijing", "BJ"), new Province("天津市", "Tianjin", "TJ"),
            new Province("河北省", "Hebei", "HE"), new Province("山西省", "Shanxi", "SX"),
            new Province("内蒙古自治区", "Inner Mongolia", "NM"), new Province("辽宁省", "Liaoning", "LN"),
            new Province("吉林省", "Jilin", "JL"), new Province("黑龙江省", "Heilongjiang", "HL"),
            new Province("上海市", "Shanghai", "SH"), new Province("江苏省", "Jiangsu", "JS"),
            new Province("浙江省", "Zhejiang", "ZJ"), new Province("安徽省", "Anhui", "AH"),
            new Province("福建省", "Fujian", "FJ"), new Province("江西省", "Jiangxi", "JX"),
            new Province("山东省", "Shandong", "SD"), new Province("河南省", "Henan", "HA"),
            new Province(HUBEI, "Hubei", "HB"), new Province("湖南省", "Hunan", "HN"),
            new Province("广东省", "Guangdong", "GD"), new Province("广西壮族自治区", "Guangxi", "GX"),
            new Province("海南省", "Hainan", "HI"), new Province("重庆市", "Chongqing", "CQ"),
            new Province("四川省", "Sichuan", "SC"), new Province("贵州省", "Guizhou", "GZ"),
            new Province("云南省", "Yunnan", "YN"), new Province("西藏自治区", "Tibet", "XZ"),
            new Province("陕西省", "Shaanxi", "SN"), new Province("甘肃省", "Gansu", "GS"),
            new Province("青海省", "Qinghai", "QH"), new Province("宁夏回族自治区", "Ningxia", "NX"),
            new Province("新疆维吾尔自治区", "Xinjiang", "XJ"), new Province("台湾省", "Taiwan", "TW"),
            new Province("香港特别行政区", "Hong Kong", "HK"), new Province("澳门特别行政区", "Macao", "MO"));

    static final List<Prefecture> HUBEI_PREFECTURES = List.of(
            new Prefecture("武汉市", "武汉", List.of("wuhan")),
            new Prefecture("黄石市", "黄石", List.of("huangshi")),
            new Prefecture("十堰市", "十堰", List.of("shiyan")),
            new Prefecture("宜昌市", "宜昌", List.of("yichang")),
            new Prefecture("襄阳市", "襄阳", List.of("xiangyang", "xiangfan")),
            new Prefecture("鄂州市", "鄂州", List.of("ezhou")),
            new Prefecture("荆门市", "荆门", List.of("jingmen")),
            new Prefecture("孝感市", "孝感", List.of("xiaogan")),
            new Prefecture("荆州市", "荆州", List.of("jingzhou")),
            new Prefecture("黄冈市", "黄冈", List.of("huanggang")),
            new Prefecture("咸宁市", "咸宁", List.of("xianning")),
            new Prefecture("随州市", "随州", List.of("suizhou")),
            new Prefecture("恩施土家族苗族自治州", "恩施", List.of("enshi")),
            new Prefecture("仙桃市", "仙桃", List.of("xiantao")),
            new Prefecture("潜江市", "潜江", List.of("qianjiang")),
            new Prefecture("天门市", "天门", List.of("tianmen")),
            new Prefecture("神农架林区", "神农架", List.of("shennongjia")));

    private Regions() {
    }

    /** The province named in English ("Ningxia Hui Autonomous Region") or by its ISO 3166-2:CN code ("NX"). */
    static Optional<Province> province(String englishOrIso) {
        if (englishOrIso == null || englishOrIso.isBlank()) {
            return Optional.empty();
        }
        String key = letters(englishOrIso);
        return PROVINCES.stream()
                .filter(p -> p.iso().equalsIgnoreCase(englishOrIso.strip()) || key.startsWith(letters(p.en())))
                .findFirst();
    }

    /** The Hubei prefecture of the first place name in pinyin that names one ("Wuhan Shi", "Xiangfan"). */
    static Optional<String> hubeiPrefecture(String... placeNames) {
        for (String place : placeNames) {
            if (place == null) {
                continue;
            }
            String key = letters(place);
            for (Prefecture prefecture : HUBEI_PREFECTURES) {
                if (prefecture.pinyin().stream().anyMatch(key::startsWith)) {
                    return Optional.of(prefecture.zh());
                }
            }
        }
        return Optional.empty();
    }

    /** The Hubei prefecture whose name ("孝感市") or short name ("孝感") appears in a Chinese text. */
    static Optional<String> hubeiPrefectureIn(String text) {
        return HUBEI_PREFECTURES.stream().filter(p -> text.contains(p.shortZh())).map(Prefecture::zh).findFirst();
    }

    static boolean isHubeiPrefecture(String zh) {
        return HUBEI_PREFECTURES.stream().anyMatch(p -> p.zh().equals(zh));
    }

    private static String letters(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
