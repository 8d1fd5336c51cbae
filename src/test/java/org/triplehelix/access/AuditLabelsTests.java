package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.triplehelix.challenge.ChallengeAction;
import org.triplehelix.registry.RecordKind;
import org.triplehelix.talent.TalentWriter;

/**
 * Every entity kind and action the code base writes to the audit trail has a name in both
 * languages ({@code access.audit.kind.*}, {@code access.audit.action.*}), so the audit page never
 * shows a bare code to a reader.
 *
 * <p>The codes are found where they are published, not in a list kept beside them that a new module
 * would forget: the sources under {@code src/main/java} are scanned for every
 * {@code new AuditableChange(action, kind, …)} and {@code AuditableChange.created|updated|deleted(kind, …)}.
 * An argument is resolved when it is a string literal, a ternary of them, a {@code String} constant
 * ({@code KIND}, {@code SlotBooker.KIND}), or a {@code String} parameter of the enclosing method (then
 * the same file's calls of that method give its values: {@code audited("approve", before)}). The few
 * codes made at run time from an enum or a map are named in {@link #DYNAMIC}. The scan fails closed:
 * an argument it cannot resolve fails the test, saying where, so a new code cannot slip past it.
 */
class AuditLabelsTests {

    private static final Path SOURCES = Path.of("src/main/java");

    /** Arguments the scan cannot follow, by file and expression: where their codes come from. */
    private static final Map<String, Supplier<Set<String>>> DYNAMIC = Map.of(
            "Challenges.java: action.code()", () -> codes(Arrays.stream(ChallengeAction.values()).map(ChallengeAction::code)),
            "RegistryWriter.java: record.kind().interchangeName()", AuditLabelsTests::recordKinds,
            "RegistryWriter.java: kind.interchangeName()", AuditLabelsTests::recordKinds,
            "TalentImport.java: kind", () -> new TreeSet<>(TalentWriter.COLUMNS.keySet()));

    private static final Pattern CONSTRUCTOR = Pattern.compile("\\bnew\\s+AuditableChange\\s*\\(");
    private static final Pattern FACTORY = Pattern.compile("\\bAuditableChange\\s*\\.\\s*(created|updated|deleted)\\s*\\(");
    private static final Pattern METHOD = Pattern.compile("\\b([\\w$]+)\\s*\\(([^()]*)\\)\\s*(?:throws\\s+[\\w.,\\s]+)?\\{");
    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized", "try", "new", "return");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");
    private static final Pattern QUALIFIED_CONSTANT = Pattern.compile("([A-Z][\\w$]*)\\.([A-Z][A-Z0-9_]*)");

    private static Scan scan;

    @BeforeAll
    static void scanTheSources() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path path : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files.put(path, Files.readString(path));
            }
        }
        scan = new Scan(files);
    }

    @Test
    void theScanFindsTheCodesOfEveryModule() {
        assertThat(scan.unresolved).as("audit codes the scan cannot resolve: use a literal or a String constant, or name them in DYNAMIC")
                .isEmpty();
        assertThat(scan.kinds.keySet()).contains("user", "booking", "challenge", "challenge_invitation", "milestone_report", "demand",
                "organization", "talent_program", "audit_log", "calendar_feed");
        assertThat(scan.actions.keySet()).contains("create", "update", "delete", "import", "export", "lock", "sign-in", "approve",
                "start-review", "confirm-usage", "offer", "password-reset");
        assertThat(scan.kinds.get("booking")).contains("SlotBooker.java", "FacilityDemo.java");
    }

    @Test
    void everyPublishedKindAndActionHasANameInBothLanguages() throws IOException {
        for (String language : List.of("zh", "en")) {
            Properties bundle = bundle("messages/access_" + language + ".properties");
            assertThat(missing(bundle, "access.audit.kind.", scan.kinds)).as("entity kinds without a name in access_%s", language).isEmpty();
            assertThat(missing(bundle, "access.audit.action.", scan.actions)).as("actions without a name in access_%s", language).isEmpty();
        }
    }

    @Test
    void theScanFollowsConstantsParametersAndTernariesAndFailsClosed() {
        Scan small = new Scan(Map.of(
                Path.of("a/Kinds.java"), "class Kinds { static final String KIND = \"widget\"; }",
                Path.of("a/Widgets.java"), """
                        class Widgets {
                            // events.publishEvent(new AuditableChange("commented-out", "nothing", null, null, null));
                            void make() { audited("polish", Kinds.KIND); }
                            void other(boolean b) { events.publishEvent(new AuditableChange(b ? "tick" : "tock", "gadget", "1", null, null)); }
                            private void audited(String action, String kind) {
                                events.publishEvent(new AuditableChange(action, kind, "1", null, null));
                            }
                            void dynamic() { events.publishEvent(AuditableChange.created(kindOf(this), "1", null)); }
                        }
                        """));
        assertThat(small.actions.keySet()).containsExactlyInAnyOrder("polish", "tick", "tock");
        assertThat(small.kinds.keySet()).containsExactlyInAnyOrder("widget", "gadget");
        assertThat(small.unresolved).containsExactly("Widgets.java: kindOf(this)");
    }

    /** Each missing key, with the files that publish its code. */
    private static Map<String, Set<String>> missing(Properties bundle, String prefix, Map<String, Set<String>> codes) {
        Map<String, Set<String>> missing = new TreeMap<>();
        codes.forEach((code, files) -> {
            if (bundle.getProperty(prefix + code, "").isBlank()) {
                missing.put(prefix + code, files);
            }
        });
        return missing;
    }

    /** The codes published in a set of sources: each with the files that publish it, and what could not be resolved. */
    private static final class Scan {

        private final Map<Path, String> files = new TreeMap<>();
        private final Map<String, Set<String>> kinds = new TreeMap<>();
        private final Map<String, Set<String>> actions = new TreeMap<>();
        private final List<String> unresolved = new ArrayList<>();

        Scan(Map<Path, String> sources) {
            sources.forEach((path, source) -> files.put(path, withoutComments(source)));
            files.forEach((path, source) -> scan(path.getFileName().toString(), source));
        }

        private void scan(String file, String source) {
            for (Call call : calls(source, CONSTRUCTOR)) {
                if (call.args().size() < 2) {
                    unresolved.add(file + ": " + call.text());
                    continue;
                }
                record(actions, file, resolve(file, source, call.args().get(0), call.start(), 0));
                if (!file.equals("AuditableChange.java")) { // the factories pass their kind on; their callers are scanned
                    record(kinds, file, resolve(file, source, call.args().get(1), call.start(), 0));
                }
            }
            for (Call call : calls(source, FACTORY)) {
                record(kinds, file, resolve(file, source, call.args().getFirst(), call.start(), 0));
            }
        }

        private static void record(Map<String, Set<String>> codes, String file, Set<String> resolved) {
            resolved.forEach(code -> codes.computeIfAbsent(code, c -> new TreeSet<>()).add(file));
        }

        /** The codes an argument expression can take, or none (and a line in {@code unresolved}). */
        private Set<String> resolve(String file, String source, String expression, int at, int depth) {
            String e = expression.strip();
            Supplier<Set<String>> dynamic = DYNAMIC.get(file + ": " + e);
            if (dynamic != null) {
                return dynamic.get();
            }
            int question = topLevel(e, '?');
            if (question > 0) {
                int colon = topLevel(e.substring(question + 1), ':') + question + 1;
                Set<String> both = new TreeSet<>(resolve(file, source, e.substring(question + 1, colon), at, depth));
                both.addAll(resolve(file, source, e.substring(colon + 1), at, depth));
                return both;
            }
            if (e.matches("\"[^\"\\\\]*\"")) {
                return Set.of(e.substring(1, e.length() - 1));
            }
            Matcher qualified = QUALIFIED_CONSTANT.matcher(e);
            if (qualified.matches()) {
                return constant(file, sourcesOf(qualified.group(1)), qualified.group(2), e);
            }
            if (IDENTIFIER.matcher(e).matches()) {
                if (e.matches("[A-Z][A-Z0-9_]*")) {
                    return constant(file, List.of(source), e, e);
                }
                if (depth < 3) {
                    Set<String> viaCallers = parameter(file, source, e, at, depth);
                    if (!viaCallers.isEmpty()) {
                        return viaCallers;
                    }
                }
            }
            unresolved.add(file + ": " + e);
            return Set.of();
        }

        /** A String constant's value, from the first of the sources that declares it. */
        private Set<String> constant(String file, List<String> sources, String name, String expression) {
            Pattern declaration = Pattern.compile("\\bString\\s+" + Pattern.quote(name) + "\\s*=\\s*\"([^\"\\\\]*)\"");
            for (String source : sources) {
                Matcher m = declaration.matcher(source);
                if (m.find()) {
                    return Set.of(m.group(1));
                }
            }
            unresolved.add(file + ": " + expression);
            return Set.of();
        }

        /** The sources of the classes with this simple name (there may be several: {@code Views}). */
        private List<String> sourcesOf(String className) {
            return files.entrySet().stream().filter(f -> f.getKey().getFileName().toString().equals(className + ".java"))
                    .map(Map.Entry::getValue).toList();
        }

        /**
         * The values of a {@code String} parameter of the method around {@code at}: the arguments in
         * that position of the same file's calls of the method. Empty if it is not such a parameter.
         */
        private Set<String> parameter(String file, String source, String name, int at, int depth) {
            Matcher m = METHOD.matcher(source);
            MatchResult enclosing = null;
            while (m.find() && m.start() < at) {
                if (!NOT_METHODS.contains(m.group(1))) {
                    enclosing = new MatchResult(m.group(1), m.group(2), m.start());
                }
            }
            if (enclosing == null) {
                return Set.of();
            }
            List<String> parameters = split(enclosing.parameters());
            int index = -1;
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).strip().matches("(final\\s+)?String\\s+" + Pattern.quote(name))) {
                    index = i;
                }
            }
            if (index < 0) {
                return Set.of();
            }
            Set<String> codes = new TreeSet<>();
            for (Call call : calls(source, Pattern.compile("(?<![\\w$.])" + Pattern.quote(enclosing.name()) + "\\s*\\("))) {
                if (call.start() != enclosing.start() && call.args().size() > index) {
                    codes.addAll(resolve(file, source, call.args().get(index), call.start(), depth + 1));
                }
            }
            return codes;
        }
    }

    private record MatchResult(String name, String parameters, int start) {
    }

    /** A call: where it starts and its arguments, split at the top-level commas. */
    private record Call(int start, List<String> args, String text) {
    }

    private static List<Call> calls(String source, Pattern opening) {
        List<Call> calls = new ArrayList<>();
        Matcher m = opening.matcher(source);
        while (m.find()) {
            int close = closing(source, m.end() - 1);
            String inside = source.substring(m.end(), close);
            calls.add(new Call(m.start(), split(inside), source.substring(m.start(), close + 1)));
        }
        return calls;
    }

    /** The index of the parenthesis closing the one at {@code open}, skipping strings. */
    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced parentheses after " + s.substring(open, Math.min(s.length(), open + 80)));
    }

    /** Splits at commas outside parentheses, brackets, braces, angle brackets and literals. */
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i);
            } else if ("([{<".indexOf(c) >= 0) {
                depth++;
            } else if (")]}>".indexOf(c) >= 0 && !(c == '>' && i > 0 && s.charAt(i - 1) == '-')) {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        if (!s.isBlank()) {
            parts.add(s.substring(from));
        }
        return parts;
    }

    /** The first top-level occurrence of {@code wanted} outside literals and brackets, or -1. */
    private static int topLevel(String s, char wanted) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(s, i);
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            } else if (c == wanted && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the quote closing the string or char literal (or text block) opening at {@code i}. */
    private static int endOfLiteral(String s, int i) {
        char quote = s.charAt(i);
        if (quote == '"' && s.startsWith("\"\"\"", i)) {
            int end = s.indexOf("\"\"\"", i + 3);
            while (end > 0 && s.charAt(end - 1) == '\\') {
                end = s.indexOf("\"\"\"", end + 1);
            }
            return end + 2;
        }
        for (int j = i + 1; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == quote) {
                return j;
            }
        }
        return s.length() - 1;
    }

    /** The source with its comments blanked (a Javadoc example of a call is not a call). */
    static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(s, i);
                out.append(s, i, end + 1);
                i = end;
            } else if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = (end < 0 ? s.length() : end) - 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = (end < 0 ? s.length() : end + 2) - 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Set<String> recordKinds() {
        return codes(Arrays.stream(RecordKind.values()).map(RecordKind::interchangeName));
    }

    private static Set<String> codes(Stream<String> codes) {
        return codes.collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AuditLabelsTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
