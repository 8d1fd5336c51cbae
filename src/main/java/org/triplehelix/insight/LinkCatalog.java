package org.triplehelix.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.triplehelix.shared.Text;

/**
 * The declared kinds of links of the collaboration network besides shared outputs: every
 * {@code classpath*:links/*.sql} (header {@code -- code:}, {@code -- name.zh:}, {@code -- name.en:},
 * then one SELECT of {@code source_id, target_id}, organization ids, one row per shared record).
 * Checked at start-up like the indicators: a broken file stops the start with its name and the reason.
 */
@Component
public class LinkCatalog {

    /** The kind of the links made by shared outputs (computed by insight itself). */
    public static final String OUTPUTS = "output";

    /** A declared kind of link. */
    public record LinkKind(String code, Text name, String statement, String source) {
    }

    private static final Pattern HEADER = Pattern.compile("(?m)^--\\s*(code|name\\.zh|name\\.en)\\s*:\\s*(.+)$");

    private final List<LinkKind> kinds;

    LinkCatalog(JdbcTemplate jdbc) {
        this.kinds = load(IndicatorCatalog.read("classpath*:links/*.sql"), jdbc);
    }

    public List<LinkKind> all() {
        return kinds;
    }

    public Optional<LinkKind> find(String code) {
        return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    static List<LinkKind> load(Map<String, String> files, JdbcTemplate jdbc) {
        List<LinkKind> kinds = new ArrayList<>();
        files.forEach((name, text) -> kinds.add(check(parse(name, text), jdbc)));
        return List.copyOf(kinds);
    }

    static LinkKind parse(String fileName, String text) {
        Map<String, String> header = new LinkedHashMap<>();
        Matcher matcher = HEADER.matcher(text);
        while (matcher.find()) {
            header.put(matcher.group(1), matcher.group(2).strip());
        }
        for (String key : List.of("code", "name.zh", "name.en")) {
            if (!header.containsKey(key)) {
                throw new InvalidDeclarationException(fileName, "the header '" + key + "' is missing");
            }
        }
        if (!fileName.equals(header.get("code") + ".sql")) {
            throw new InvalidDeclarationException(fileName, "the file of the links '" + header.get("code") + "' is named " + header.get("code") + ".sql");
        }
        String body = text.replace("\r", "").lines().dropWhile(l -> l.isBlank() || l.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return new LinkKind(header.get("code"), new Text(header.get("name.zh"), header.get("name.en")),
                IndicatorDeclarations.statement(fileName, body), fileName);
    }

    private static LinkKind check(LinkKind kind, JdbcTemplate jdbc) {
        List<String> columns = new ArrayList<>();
        try {
            jdbc.query("select * from (" + kind.statement() + ") declared limit 0", (java.sql.ResultSet rs) -> {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT));
                }
                return null;
            });
        } catch (DataAccessException e) {
            throw new InvalidDeclarationException(kind.source(), "the statement does not run: "
                    + String.valueOf(e.getMostSpecificCause().getMessage()).lines().findFirst().orElse(""));
        }
        if (!columns.contains("source_id") || !columns.contains("target_id")) {
            throw new InvalidDeclarationException(kind.source(), "the statement lacks the columns source_id and target_id");
        }
        return kind;
    }
}
