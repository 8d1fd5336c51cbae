package org.triplehelix.registry.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.triplehelix.shared.web.PageContext;

/**
 * A person's title as an English page shows it. The registry keeps the title as written (the NSSFC
 * lists give the rank of the national title system, 正高级 … 初级; other sources the post, 教授,
 * 研究员); those of the known list are translated ({@code registry.personTitle.*} in
 * {@code registry_*.properties}), anything else is shown as written, as is every title on a
 * Chinese page. Public because templates are compiled elsewhere.
 */
public final class PersonTitles {

    /** The titles of the national system of professional titles (职称) and their ranks, as message codes. */
    static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("正高级", "seniorFull"), Map.entry("正高", "seniorFull"),
            Map.entry("副高级", "seniorAssociate"), Map.entry("副高", "seniorAssociate"),
            Map.entry("中级", "intermediate"), Map.entry("初级", "junior"),
            Map.entry("教授", "professor"), Map.entry("副教授", "associateProfessor"), Map.entry("讲师", "lecturer"),
            Map.entry("助教", "teachingAssistant"),
            Map.entry("研究员", "researchProfessor"), Map.entry("副研究员", "associateResearchProfessor"),
            Map.entry("助理研究员", "assistantResearchProfessor"),
            Map.entry("正高级工程师", "professorSeniorEngineer"), Map.entry("高级工程师", "seniorEngineer"),
            Map.entry("工程师", "engineer"), Map.entry("助理工程师", "assistantEngineer"),
            Map.entry("院士", "academician"), Map.entry("博士后", "postdoc"));

    private PersonTitles() {
    }

    /**
     * The title in the page's language: on an English page a known title (or a list of them, "正高级、正高级"
     * as one source writes it) translated, else the title as written.
     */
    public static String shown(PageContext ctx, String title) {
        return ctx.english() ? english(title, ctx::msg) : title;
    }

    /** A known title (or list of them) in English, with the message of a key; anything else as written. */
    static String english(String title, Function<String, String> message) {
        if (title == null || title.isBlank()) {
            return title;
        }
        Set<String> parts = new LinkedHashSet<>();
        for (String part : title.split("[、，,;；/]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        List<String> translated = new ArrayList<>();
        for (String part : parts) {
            String code = CODES.get(part);
            if (code == null) {
                return title;
            }
            translated.add(message.apply("registry.personTitle." + code));
        }
        return translated.isEmpty() ? title : String.join(", ", translated);
    }
}
