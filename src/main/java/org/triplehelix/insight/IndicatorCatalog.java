package org.triplehelix.insight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.triplehelix.shared.NotFoundException;

/**
 * Every indicator declared in {@code classpath*:indicators/*.sql}, read and checked once at
 * start-up: a file that breaks the format, a code declared twice, or a statement that does not
 * run or lacks one of the columns stops the start with the file's name and the reason.
 */
@Component
public class IndicatorCatalog {

    static final String LOCATION = "classpath*:indicators/*.sql";

    private final Map<String, Indicator> indicators;

    IndicatorCatalog(JdbcTemplate jdbc) {
        this.indicators = load(read(LOCATION), jdbc);
    }

    /** Every indicator, in the overview's order (then by code). */
    public List<Indicator> all() {
        return List.copyOf(indicators.values());
    }

    public Optional<Indicator> find(String code) {
        return Optional.ofNullable(indicators.get(code));
    }

    /** The indicator; 404 for an unknown code. */
    public Indicator get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("indicator", code));
    }

    /** The declarations found at a resource pattern, as file name and text. */
    static Map<String, String> read(String pattern) {
        try {
            Map<String, String> files = new LinkedHashMap<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                String name = resource.getFilename();
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                if (files.putIfAbsent(name, text) != null) {
                    throw new InvalidDeclarationException(name, "two files of this name are on the class path");
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and checks the declarations, failing on the first broken one. */
    static Map<String, Indicator> load(Map<String, String> files, JdbcTemplate jdbc) {
        List<Indicator> parsed = new ArrayList<>();
        files.forEach((name, text) -> parsed.add(IndicatorDeclarations.parse(name, text)));
        parsed.sort(Comparator.comparingInt(Indicator::order).thenComparing(Indicator::code));
        Map<String, Indicator> byCode = new LinkedHashMap<>();
        for (Indicator indicator : parsed) {
            Indicator checked = jdbc == null ? indicator
                    : indicator.withIllustrativeColumn(checkColumns(indicator, jdbc).contains(IndicatorDeclarations.ILLUSTRATIVE));
            byCode.put(indicator.code(), checked);
        }
        return byCode;
    }

    /** Runs the statement for no rows and checks that it returns every column of the contract; its columns. */
    static Set<String> checkColumns(Indicator indicator, JdbcTemplate jdbc) {
        Set<String> columns = new HashSet<>();
        try {
            jdbc.query("select * from (" + indicator.statement() + ") declared limit 0", (java.sql.ResultSet rs) -> {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                return null;
            });
        } catch (DataAccessException e) {
            throw new InvalidDeclarationException(indicator.source(), "the statement does not run: "
                    + Optional.ofNullable(e.getMostSpecificCause().getMessage()).orElse(e.toString()).lines().findFirst().orElse(""));
        }
        List<String> missing = IndicatorDeclarations.COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidDeclarationException(indicator.source(), "the statement lacks the column(s) " + String.join(", ", missing));
        }
        return columns;
    }
}
