package org.triplehelix.registry;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Resolves a region as given ("湖北", "湖北省", "武汉", "武汉市", "420100", "Wuhan") to its
 * GB/T 2260 code through the {@code region} table; an unknown region resolves to null, which is
 * not an error (the text is kept as given). When a name is ambiguous, the higher level wins
 * (province, then prefecture, then district), then Hubei's (the platform's home province), then
 * the lowest code.
 */
@Component
class RegionResolver {

    static final String HOME_PROVINCE_PREFIX = "42";
    private static final List<String> SUFFIXES = List.of("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区",
            "自治州", "自治县", "林区", "地区", "省", "市", "区", "县", " province", " city", " district", " county");

    private final JdbcClient jdbc;
    private volatile Lookup lookup;

    RegionResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads the region table again (at the start of every import). */
    void reload() {
        lookup = Lookup.of(jdbc.sql("select code, name_zh, name_en, level from region")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
    }

    /** The region's code, or null when the region is not known. */
    String resolve(String region) {
        if (region == null) {
            return null;
        }
        Lookup current = lookup;
        if (current == null) {
            reload();
            current = lookup;
        }
        return current.resolve(region);
    }

    record Region(String code, String nameZh, String nameEn, String level) {

        int rank() {
            return switch (level) {
                case "province" -> 0;
                case "prefecture" -> 1;
                default -> 2;
            };
        }
    }

    /** Exact keys (code, names) and keys without an administrative suffix. */
    record Lookup(Map<String, String> exact, Map<String, String> stripped) {

        static Lookup of(List<Region> regions) {
            Map<String, String> exact = new HashMap<>();
            Map<String, String> stripped = new HashMap<>();
            regions.stream()
                    .sorted(Comparator.comparingInt(Region::rank)
                            .thenComparing(r -> !r.code().startsWith(HOME_PROVINCE_PREFIX))
                            .thenComparing(Region::code))
                    .forEach(r -> {
                        exact.putIfAbsent(r.code(), r.code());
                        for (String name : new String[] {r.nameZh(), r.nameEn()}) {
                            if (name != null && !name.isBlank()) {
                                exact.putIfAbsent(normalize(name), r.code());
                                stripped.putIfAbsent(strip(normalize(name)), r.code());
                            }
                        }
                    });
            return new Lookup(exact, stripped);
        }

        String resolve(String region) {
            String key = normalize(region);
            String code = exact.get(key);
            return code != null ? code : stripped.get(strip(key));
        }

        static String normalize(String name) {
            return name.strip().toLowerCase(Locale.ROOT);
        }

        static String strip(String name) {
            for (String suffix : SUFFIXES) {
                if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                    return name.substring(0, name.length() - suffix.length());
                }
            }
            return name;
        }
    }
}
