package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.facility.FacilityFixtures;
import org.triplehelix.talent.Fields;
import org.triplehelix.talent.TalentFixtures;
import org.triplehelix.talent.TalentWriter;

/**
 * The bad-input sweep of {@link BadInputPagesIntegrationTests} for every role of the platform, each signed in with the
 * records it owns or may see: the enterprise user's demand, application (with its attachment), booking and talent need,
 * the reviewer's assigned application, the researcher's own profile, output, application and the practice hours they
 * decide as mentor, the student's own record, the organization administrator's organization and the instrument they
 * manage, everyone's inbox notice. Every GET page is sent those ids, each query parameter once with a bad value (the
 * values taken in turn), an unknown id and a bad language; then every POST form those pages show the role is sent back
 * with a valid CSRF token, each field in turn with values that do not fit it (wrong types, huge values, unknown ids,
 * script text), all fields at once with script, and no fields. Every answer is a page (the form back with its message,
 * an error page) or a redirect, never 5xx or JSON, never the script unescaped; a refused form writes nothing (the role's
 * rows in the audit trail are counted before and after). Forms that delete, withdraw, cancel or reject are sent last,
 * after every role's other forms, so that what they remove is swept first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputRolesIntegrationTests extends BadInputSweep {

    /** Values for a form field by its input type; each field is sent two of them, taken in turn. */
    static final List<String> FORM_NUMBERS = List.of("abc", "-1", "99999999999999999999", "2147483648", "1.5e400", "0");
    static final List<String> FORM_DATES = List.of("2026-13-45", "2026-02-30", "99999-01-01T25:61", "abc");
    static final List<String> FORM_IDS = List.of("no-such-record-999999", "-1", "99999999999999999999", SCRIPT);
    static final List<String> FORM_TEXTS = List.of(SCRIPT, "x".repeat(5000), "'\"`;--\u0007ü字{{7*7}}${x}&lt;\\u0000<b>", "");
    static final List<String> FORM_CHOICES = List.of(SCRIPT, "no-such-choice", "");
    /** Actions that remove or end what other forms need: sent after every role's other forms. */
    static final Pattern DESTRUCTIVE = Pattern.compile(".*/(delete|withdraw|cancel|reject|disable|close|decline|no-show|terminate)(\\?.*)?$");
    /** The most requests the sweep may send, to keep its time modest: a sweep grown past it fails. */
    static final int ROLE_CAP = 7000;

    final Map<Role, Account> accounts = new EnumMap<>(Role.class);
    final Map<Role, HelixClient> sessions = new EnumMap<>(Role.class);
    final Map<Role, String> tokens = new EnumMap<>(Role.class);
    final Map<Role, Map<String, String>> owned = new EnumMap<>(Role.class);
    /** Other records of the role in other states (a closed demand, a call in progress, a pending user): their pages are harvested for forms. */
    final Map<Role, Map<String, List<String>>> others = new EnumMap<>(Role.class);
    /** The forms the pages showed each role, by role and form (action and field names). */
    final Map<String, Form> forms = new LinkedHashMap<>();
    JdbcClient jdbc;
    int posted;
    /** The users the administrators' user forms may act on (the sweep's own accounts are left alone). */
    final Set<Long> targets = new LinkedHashSet<>();

    @BeforeAll
    void world() {
        FacilityFixtures facilities = FacilityFixtures.of(context);
        AccessFixtures access = facilities.access();
        TalentFixtures talent = TalentFixtures.of(context);
        jdbc = facilities.jdbc();
        long home = access.organization("Role Sweep University", null);
        long elsewhere = access.organization("Role Sweep Enterprise", null);
        long academy = access.organization("Role Sweep Academy", null);
        long researcher = access.person("Role Sweep Researcher", home);
        long academic = access.person("Role Sweep Academic", home);
        String homeExtId = access.organizationExtId(home);
        accounts.put(Role.ADMIN, access.user(null, Role.ADMIN));
        accounts.put(Role.ORG_ADMIN, access.user(home, Role.ORG_ADMIN));
        accounts.put(Role.ENTERPRISE, access.user(home, Role.ENTERPRISE));
        accounts.put(Role.RESEARCHER, access.user(home, researcher, Role.RESEARCHER));
        accounts.put(Role.REVIEWER, access.user(academy, Role.REVIEWER));
        accounts.put(Role.STUDENT, access.user(home, Role.STUDENT));
        long target = access.user(home, Role.RESEARCHER).id(); // the users the administrators' user forms act on
        long pending = access.pendingUser(home, Role.ENTERPRISE);
        long disabled = access.disabledUser(home);
        long locked = access.user(home, Role.ENTERPRISE).id();
        jdbc.sql("update app_user set locked_until = now() + interval '1 hour', failed_attempts = 5 where id = :id").param("id", locked).update();
        targets.addAll(List.of(target, pending, disabled, locked));

        Map<String, String> common = new LinkedHashMap<>();
        common.put("organizations", homeExtId);
        common.put("persons", access.personExtId(researcher));
        common.put("outputs", output(researcher));
        String instrument = facilities.openFacility(home, true, false);
        facilities.managers(instrument, accounts.get(Role.ORG_ADMIN));
        common.put("facilities", instrument);
        common.put("facilities/" + instrument + "/training", String.valueOf(accounts.get(Role.ENTERPRISE).id()));
        common.put("insight/indicators", "organization.all");
        common.put("admin/users", String.valueOf(target));

        HelixClient admin = api(Role.ADMIN);
        HelixClient enterprise = api(Role.ENTERPRISE);
        HelixClient.Response demand = enterprise.json("POST", "/api/v1/demands", """
                {"extId": "%s", "titleZh": "角色扫描需求", "organization": "%s"}
                """.formatted(AccessFixtures.unique("role-sweep-demand"), homeExtId));
        common.put("demands", field(demand, 201, "extId"));
        String closedDemand = field(enterprise.json("POST", "/api/v1/demands", """
                {"extId": "%s", "titleZh": "角色扫描已关闭需求", "organization": "%s"}
                """.formatted(AccessFixtures.unique("role-sweep-demand"), homeExtId)), 201, "extId");
        field(enterprise.json("POST", "/api/v1/demands/" + closedDemand + "/close", null), 200, null);
        Instant start = FacilityFixtures.hoursAhead(3, 10);
        HelixClient.Response booking = enterprise.json("POST", "/api/v1/instruments/" + instrument + "/bookings", """
                {"start": "%s", "end": "%s", "purpose": "角色扫描"}""".formatted(start, start.plus(Duration.ofHours(1))));
        common.put("bookings", field(booking, 201, "id"));

        // a call open to applications (the home organization invited, then applying) and one under review
        String open = challenge(admin);
        field(admin.json("POST", "/api/v1/challenges/" + open + "/invitations", "{\"organization\": \"" + homeExtId + "\"}"), 201, null);
        String application = field(enterprise.json("POST", "/api/v1/challenges/" + open + "/applications",
                "{\"plan\": \"角色扫描方案\", \"commitments\": {\"1\": 120}}"), 201, "id");
        String reviewed = challenge(admin);
        String reviewedApplication = field(api(Role.RESEARCHER).json("POST", "/api/v1/challenges/" + reviewed + "/applications",
                "{\"plan\": \"研究者方案\", \"commitments\": {\"1\": 130}}"), 201, "id");
        field(admin.json("POST", "/api/v1/challenges/" + reviewed + "/reviewers", "{\"userId\": " + accounts.get(Role.REVIEWER).id() + "}"), 200, null);
        field(admin.json("POST", "/api/v1/challenges/" + reviewed + "/start-review", null), 200, null);
        HelixClient.Response attached = session(Role.ENTERPRISE).postMultipart("/challenges/applications/" + application + "/attachments",
                Map.of(), "file", "plan.txt", "方案".getBytes(StandardCharsets.UTF_8));
        assertThat(attached.status()).as(attached.body()).isEqualTo(302);
        String attachment = String.valueOf(jdbc.sql("select max(id) from application_attachment where application_id = :a")
                .param("a", Long.parseLong(application)).query(Long.class).single());
        String running = challenge(admin); // awarded to the home organization's consortium, in progress
        String won = field(enterprise.json("POST", "/api/v1/challenges/" + running + "/applications",
                "{\"plan\": \"中标方案\", \"commitments\": {\"1\": 150}}"), 201, "id");
        field(admin.json("POST", "/api/v1/challenges/" + running + "/start-review", null), 200, null);
        field(admin.json("POST", "/api/v1/challenges/" + running + "/award", """
                {"applicationId": %s, "rationale": "最优", "milestones": [{"title": "样机", "deliverable": "报告", "due": "2030-01-01", "tranche": 1}]}
                """.formatted(won)), 200, null);
        field(admin.json("POST", "/api/v1/challenges/" + running + "/start", null), 200, null);
        common.put("challenges", open);
        common.put("challenges/applications", application);
        common.put("challenges/applications/" + application + "/attachments", attachment);
        common.put("challenges/" + open + "/invitations", homeExtId);

        String program = talent.program(home, elsewhere, "0812", "ind-ai", 2024);
        String student = talent.student(program, elsewhere, academic, researcher, accounts.get(Role.STUDENT), 2027, "enrolled");
        common.put("talent/programs", program);
        common.put("talent/students", student);
        common.put("talent/hours", String.valueOf(talent.pendingHours(student, accounts.get(Role.STUDENT))));
        common.put("talent/topics", talent.topic(home, AccessFixtures.unique("角色扫描课题")));
        String need = AccessFixtures.unique("role-sweep-need");
        talent.asSystem(() -> context.getBean(TalentWriter.class).saveNeed(Fields.of("id", need, "organization", homeExtId,
                "industry", "ind-ai", "skill", "role sweep", "year", "2030", "headcount", "1"), false));
        common.put("talent/needs", need);

        for (Role role : Role.values()) {
            Map<String, String> ids = new LinkedHashMap<>(common);
            if (role == Role.REVIEWER || role == Role.RESEARCHER) { // the application under review: the reviewer's, the researcher's own
                ids.put("challenges", reviewed);
                ids.put("challenges/applications", reviewedApplication);
            }
            notice(accounts.get(role)).ifPresent(id -> ids.put("notifications", id));
            owned.put(role, ids);
            others.put(role, Map.of("challenges", List.of(open, reviewed, running), "challenges/applications", List.of(application, reviewedApplication, won),
                    "demands", List.of(closedDemand), "admin/users", targets.stream().map(String::valueOf).toList()));
        }
        assertThat(owned.get(Role.ENTERPRISE)).containsKey("notifications"); // the invitation reached the home organization's users
        listen();
    }

    /** An output the researcher is an author of; its external id. */
    String output(long person) {
        String extId = AccessFixtures.unique("role-sweep-output");
        long id = jdbc.sql("insert into output (ext_id, title_en, year) values (:e, :t, 2025) returning id")
                .param("e", extId).param("t", AccessFixtures.unique("Role sweep paper")).query(Long.class).single();
        jdbc.sql("insert into output_person (output_id, person_id, position) values (:o, :p, 1)").param("o", id).param("p", person).update();
        return extId;
    }

    /** A published call of the department; its external id. */
    String challenge(HelixClient admin) {
        String extId = field(admin.json("POST", "/api/v1/challenges", """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-17", "budget": 1000, "durationMonths": 12,
                 "deadline": "2099-06-01T00:00:00Z",
                 "targets": [{"position": 1, "indicator": "强度", "unit": "MPa", "threshold": 100, "higherIsBetter": true}]}
                """.formatted(AccessFixtures.unique("角色扫描挑战"))), 201, "extId");
        field(admin.json("POST", "/api/v1/challenges/" + extId + "/publish", null), 200, null);
        return extId;
    }

    /** The user's newest inbox notice, once delivered (after the commit, asynchronously). */
    Optional<String> notice(Account account) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Optional<Long> id = jdbc.sql("select max(id) from notification where user_id = :u").param("u", account.id())
                    .query(Long.class).optional();
            if (id.isPresent() || account.roles().contains(Role.ADMIN) || account.roles().contains(Role.REVIEWER)) {
                return id.map(String::valueOf);
            }
            sleep(100);
        }
        return Optional.empty();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    HelixClient api(Role role) {
        return HelixClient.basic(port, accounts.get(role).email(), AccessFixtures.PASSWORD);
    }

    HelixClient session(Role role) {
        return sessions.computeIfAbsent(role, r -> HelixClient.signedIn(port, accounts.get(r)));
    }

    String token(Role role) {
        return tokens.computeIfAbsent(role, r -> session(r).csrfToken());
    }

    /** The field of a created record's JSON, the status checked. */
    static String field(HelixClient.Response response, int status, String name) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return name == null ? null : JSON.readTree(response.body()).path(name).asString();
    }

    @Test
    @Order(1)
    void everyRoleHasRecordsOfItsOwn() {
        assertThat(owned).containsOnlyKeys(Role.values());
        assertThat(owned.get(Role.REVIEWER).get("challenges/applications")).isNotEqualTo(owned.get(Role.ENTERPRISE).get("challenges/applications"));
        assertThat(owned.get(Role.STUDENT)).containsKeys("talent/students", "talent/hours", "notifications");
        assertThat(owned.get(Role.ENTERPRISE)).containsKeys("bookings", "demands", "talent/needs");
        int planned = pages().stream().mapToInt(page -> requests(page, owned.get(Role.ENTERPRISE)).size()).sum() * Role.values().length;
        assertThat(planned).isBetween(600, ROLE_CAP);
    }

    /** A page's requests for a role: its records, each parameter once with one bad value (taken in turn), an unknown id, a bad language. */
    List<String> requests(Page page, Map<String, String> ids) {
        List<String> requests = new ArrayList<>();
        String others = page.required().stream().map(name -> name + "=1").collect(Collectors.joining("&"));
        String base = path(page, null, null, ids);
        String good = page.required().stream().map(name -> name + "=" + encode(goodRequired(name))).collect(Collectors.joining("&"));
        requests.add(base + (good.isEmpty() ? "" : "?" + good));
        for (String variable : page.pathVariables()) {
            requests.add(path(page, variable, "no-such-record-999999", ids));
        }
        int turn = page.pattern().length();
        for (Map.Entry<String, List<String>> parameter : page.parameters().entrySet()) {
            List<String> values = parameter.getValue();
            String query = encode(parameter.getKey()) + "=" + encode(values.get(turn++ % values.size()));
            for (String required : page.required()) {
                if (!required.equals(parameter.getKey())) {
                    query += "&" + required + "=1";
                }
            }
            requests.add(base + "?" + query);
        }
        requests.add(base + "?" + (others.isEmpty() ? "" : others + "&") + "lang=" + encode(LANGUAGES.get(turn % LANGUAGES.size())));
        return requests;
    }

    /** A value for a required parameter that the page takes (a slot's start), so that the page shows its form. */
    static String goodRequired(String name) {
        return name.equals("start") ? FacilityFixtures.hoursAhead(5, 9).toString() : "1";
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyRoleGetsAPageForBadParametersOnItsOwnRecords() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Page page : pages()) {
            tests.add(DynamicTest.dynamicTest(page.toString(), () -> {
                List<String> failures = new ArrayList<>();
                int before = logged.list.size();
                int count = 0;
                for (Role role : Role.values()) {
                    List<String> requests = requests(page, owned.get(role));
                    for (int i = 0; i < requests.size(); i++) {
                        String request = requests.get(i);
                        boolean badLanguage = request.contains("lang=");
                        String lang = badLanguage ? null : sent % 2 == 0 ? "zh" : "en";
                        String address = badLanguage ? request : request + (request.contains("?") ? "&" : "?") + "lang=" + lang;
                        sent++;
                        count++;
                        Optional<String> failure = i == 0 ? harvest(role, page, address, lang) : check(page, session(role), address, lang);
                        failure.ifPresent(f -> failures.add(role + " " + address + ": " + f));
                    }
                    String own = path(page, null, null, owned.get(role));
                    for (Map.Entry<String, List<String>> other : others.get(role).entrySet()) {
                        for (String id : other.getValue()) {
                            Map<String, String> ids = new LinkedHashMap<>(owned.get(role));
                            ids.put(other.getKey(), id);
                            String address = path(page, null, null, ids);
                            if (!address.equals(own) && page.required().isEmpty()) {
                                String lang = sent++ % 2 == 0 ? "zh" : "en";
                                count++;
                                harvest(role, page, address + "?lang=" + lang, lang).ifPresent(f -> failures.add(role + " " + address + ": " + f));
                            }
                        }
                    }
                }
                errorsLoggedSince(before).stream().distinct().forEach(error -> failures.add("logged " + error));
                assertThat(failures).as(page + ": " + failures.size() + " of " + count).isEmpty();
            }));
        }
        return tests.stream();
    }

    /** The page with the role's own records, checked as any other, and the POST forms it shows the role kept for the form sweep. */
    Optional<String> harvest(Role role, Page page, String address, String lang) {
        boolean htmx = sent % 4 >= 2;
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", "text/html"));
        if (htmx) {
            headers.put("HX-Request", "true");
        }
        HelixClient.Response response;
        try {
            response = session(role).send("GET", address, headers, new byte[0]);
        } catch (RuntimeException e) {
            return Optional.of("no answer: " + e);
        }
        Optional<String> failure = verdict(page.download(), htmx, response, lang);
        if (failure.isEmpty() && response.status() == 200 && response.body() != null) {
            String self = address.replaceFirst("\\?.*", "");
            for (Form form : Form.parse(response.body(), self)) {
                if (!form.action().startsWith("/logout") && !otherUser(form.action())) {
                    forms.putIfAbsent(role + " " + form.key(), form.of(role));
                }
            }
        }
        return failure;
    }

    /** A form acting on a user other than the one the sweep may change (the sweep's own accounts among them). */
    boolean otherUser(String action) {
        Matcher matcher = Pattern.compile("^/admin/users/(\\d+)/").matcher(action);
        return matcher.find() && !targets.contains(Long.parseLong(matcher.group(1)));
    }

    /** A POST form as a page shows it: its action, encoding and fields with the values shown (a field may repeat). */
    record Form(Role role, String action, boolean multipart, List<Map.Entry<String, String>> fields, Map<String, String> types) {

        static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        static final Pattern INPUT = Pattern.compile("<(input|button)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
        static final Pattern SELECT = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
        static final Pattern TEXTAREA = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

        static List<Form> parse(String html, String self) {
            List<Form> forms = new ArrayList<>();
            Matcher form = FORM.matcher(html);
            while (form.find()) {
                String attributes = form.group(1);
                if (!"post".equalsIgnoreCase(attribute(attributes, "method"))) {
                    continue;
                }
                String action = attribute(attributes, "action");
                action = action == null || action.isEmpty() ? self : action;
                if (!action.startsWith("/")) {
                    continue;
                }
                List<Map.Entry<String, String>> fields = new ArrayList<>();
                Map<String, String> types = new LinkedHashMap<>();
                String inside = form.group(2);
                Matcher input = INPUT.matcher(inside);
                while (input.find()) {
                    String a = input.group(2);
                    String name = attribute(a, "name");
                    String type = input.group(1).equalsIgnoreCase("button") ? "submit"
                            : Optional.ofNullable(attribute(a, "type")).orElse("text").toLowerCase();
                    if (name == null || name.equals("_csrf")) {
                        continue;
                    }
                    boolean shown = !(type.equals("checkbox") || type.equals("radio")) || a.matches("(?s).*\\bchecked\\b.*");
                    if (type.equals("submit") && types.containsKey(name)) {
                        continue;
                    }
                    types.putIfAbsent(name, type);
                    if (shown && !type.equals("file")) {
                        fields.add(new SimpleEntry<>(name, Optional.ofNullable(attribute(a, "value")).orElse(type.equals("checkbox") ? "on" : "")));
                    }
                }
                Matcher select = SELECT.matcher(inside);
                while (select.find()) {
                    String name = attribute(select.group(1), "name");
                    if (name == null) {
                        continue;
                    }
                    types.putIfAbsent(name, "select");
                    Matcher option = OPTION.matcher(select.group(2));
                    String value = null;
                    while (option.find()) {
                        String v = Optional.ofNullable(attribute(option.group(1), "value")).orElse("");
                        if (value == null || option.group(1).matches("(?s).*\\bselected\\b.*")) {
                            value = v;
                        }
                    }
                    fields.add(new SimpleEntry<>(name, value == null ? "" : value));
                }
                Matcher textarea = TEXTAREA.matcher(inside);
                while (textarea.find()) {
                    String name = attribute(textarea.group(1), "name");
                    if (name != null) {
                        types.putIfAbsent(name, "textarea");
                        fields.add(new SimpleEntry<>(name, unescape(textarea.group(2))));
                    }
                }
                boolean multipart = "multipart/form-data".equalsIgnoreCase(attribute(attributes, "enctype"));
                forms.add(new Form(null, action, multipart, fields, types));
            }
            return forms;
        }

        static String attribute(String attributes, String name) {
            Matcher matcher = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE).matcher(attributes);
            return matcher.find() ? unescape(matcher.group(1)) : null;
        }

        static String unescape(String html) {
            return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&#x27;", "'")
                    .replace("&#34;", "\"").replace("&amp;", "&");
        }

        /** The same form by its address with ids shown as such, and its field names: one of each is swept per role. */
        String key() {
            String shape = action.replaceAll("\\?.*", "").replaceAll("/(\\d+|[\\w-]*-[0-9a-f]{8})(?=/|$)", "/{id}");
            return shape + " " + new java.util.TreeSet<>(types.keySet());
        }

        /** The form with the last id of its address (a number or an external id) replaced, or null when it has none. */
        Form at(String id) {
            Matcher matcher = Pattern.compile("^(.*/)(\\d+|[\\w-]*-[0-9a-f]{8}[\\w-]*)(/[^?]*)?(\\?.*)?$").matcher(action);
            if (!matcher.matches()) {
                return null;
            }
            return new Form(role, matcher.group(1) + id + Objects.toString(matcher.group(3), "") + Objects.toString(matcher.group(4), ""),
                    multipart, fields, types);
        }

        Form of(Role role) {
            return new Form(role, action, multipart, fields, types);
        }

        boolean destructive() {
            return DESTRUCTIVE.matcher(action).matches();
        }

        @Override
        public String toString() {
            return role + " POST " + action + " " + types.keySet();
        }
    }

    /**
     * A form's submissions: no fields, each field with two values that do not fit it (taken in turn; a number box with each
     * of its values, as a reader may type any number), every field with script.
     */
    List<List<Map.Entry<String, String>>> submissions(Form form) {
        List<List<Map.Entry<String, String>>> submissions = new ArrayList<>();
        submissions.add(List.of());
        int turn = form.action().length();
        for (Map.Entry<String, String> field : form.types().entrySet()) {
            List<String> values = badValues(field.getValue());
            for (int i = 0; i < (field.getValue().equals("number") ? values.size() : 2); i++) {
                String value = values.get(turn++ % values.size());
                List<Map.Entry<String, String>> fields = new ArrayList<>(form.fields().stream().filter(f -> !f.getKey().equals(field.getKey())).toList());
                fields.add(new SimpleEntry<>(field.getKey(), value));
                submissions.add(fields);
            }
        }
        Set<String> names = new LinkedHashSet<>(form.types().keySet());
        submissions.add(names.stream().<Map.Entry<String, String>>map(name -> new SimpleEntry<>(name, SCRIPT)).toList());
        return submissions;
    }

    static List<String> badValues(String type) {
        return switch (type) {
            case "number" -> FORM_NUMBERS;
            case "date", "month", "datetime-local", "time" -> FORM_DATES;
            case "checkbox", "radio", "submit" -> List.of("maybe", SCRIPT);
            case "hidden" -> FORM_IDS;
            case "select" -> FORM_CHOICES;
            default -> FORM_TEXTS;
        };
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> everyFormTheRolesSeeAnswersBadValuesWithAPageAndWritesNothingWhenRefused() {
        for (Page handler : unshown()) { // reached by htmx, by a script or in a state the world lacks: their parameters, as declared
            for (Role role : List.of(Role.ADMIN, Role.ORG_ADMIN, Role.ENTERPRISE)) {
                Map<String, String> types = new LinkedHashMap<>();
                handler.parameters().keySet().forEach(name -> types.put(name, "hidden"));
                Form form = new Form(role, path(handler, null, null, owned.get(role)), false, List.of(), types);
                forms.putIfAbsent(role + " " + form.key(), form);
            }
        }
        List<Form> ordered = new ArrayList<>(forms.values().stream().filter(form -> !form.destructive()).toList());
        ordered.addAll(forms.values().stream().filter(Form::destructive).toList());
        assertThat(ordered).as("forms the pages showed").hasSizeGreaterThan(30);
        int planned = ordered.stream().mapToInt(form -> submissions(form).size() + 2).sum();
        assertThat(planned + sent).as("requests planned").isLessThan(ROLE_CAP);
        return ordered.stream().map(form -> DynamicTest.dynamicTest(form.toString(), () -> {
            List<String> failures = new ArrayList<>();
            int before = logged.list.size();
            List<List<Map.Entry<String, String>>> submissions = submissions(form);
            for (List<Map.Entry<String, String>> fields : submissions) {
                String lang = posted % 2 == 0 ? "zh" : "en";
                post(form, fields, lang).ifPresent(failure -> failures.add(fields.stream()
                        .map(f -> f.getKey() + "=" + snippet(f.getValue()).substring(0, Math.min(40, snippet(f.getValue()).length())))
                        .collect(Collectors.joining("&")) + ": " + failure));
            }
            for (String unknown : List.of("no-such-record-999999", "99999999999999999999")) { // the form as shown, sent for a record that is not there
                Form elsewhere = form.at(unknown);
                if (elsewhere != null) {
                    String lang = posted % 2 == 0 ? "zh" : "en";
                    post(elsewhere, form.fields(), lang).ifPresent(failure -> failures.add(elsewhere.action() + ": " + failure));
                }
            }
            errorsLoggedSince(before).stream().distinct().forEach(error -> failures.add("logged " + error));
            assertThat(failures).as(form + ": " + failures.size() + " of " + submissions.size()).isEmpty();
        }));
    }

    /** One submission of the form as the role, with its CSRF token; what is wrong with the answer, if anything. */
    Optional<String> post(Form form, List<Map.Entry<String, String>> fields, String lang) {
        boolean htmx = posted++ % 4 >= 2;
        sent++;
        String address = form.action() + (form.action().contains("?") ? "&" : "?") + "lang=" + lang;
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
        if (htmx) {
            headers.put("HX-Request", "true");
        }
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(new SimpleEntry<>("_csrf", token(form.role())));
        byte[] body;
        if (form.multipart()) {
            String boundary = "----sweep" + System.nanoTime();
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
            body = multipart(boundary, all, form.types());
        } else {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
            body = all.stream().map(f -> encode(f.getKey()) + "=" + encode(f.getValue())).collect(Collectors.joining("&"))
                    .getBytes(StandardCharsets.UTF_8);
        }
        long userId = accounts.get(form.role()).id();
        long audited = audited(userId);
        HelixClient.Response response;
        try {
            response = session(form.role()).send("POST", address, headers, body);
        } catch (RuntimeException e) {
            return Optional.of("no answer: " + e);
        }
        Optional<String> failure = verdict(false, htmx, response, lang);
        if (failure.isPresent()) {
            return failure;
        }
        if (response.status() == 400 && response.body().contains("class=\"error-page\"") && typedInBrowser(form, fields)) {
            return Optional.of("400 the error page, not the form back with the field marked, for what a browser sends: "
                    + snippet(around(response.body(), "error-page")));
        }
        long written = audited(userId) - audited;
        if (response.status() >= 400 && written != 0) {
            return Optional.of(response.status() + " but " + written + " change(s) written to the audit trail");
        }
        return Optional.empty();
    }

    /**
     * A submission that differs from the form as shown in one field a reader types (a text, or a number in a number
     * box): what a browser sends, which a refusal gives back in the form, the field marked, not on an error page.
     */
    static boolean typedInBrowser(Form form, List<Map.Entry<String, String>> fields) {
        List<String> changed = form.types().keySet().stream().filter(name -> !values(form.fields(), name).equals(values(fields, name))).toList();
        if (changed.size() != 1 || fields.isEmpty()) {
            return false;
        }
        String value = values(fields, changed.getFirst()).stream().findFirst().orElse("");
        return switch (form.types().get(changed.getFirst())) {
            case "text", "textarea", "search", "email", "url", "tel" -> true;
            case "number" -> value.matches("-?\\d+");
            default -> false;
        };
    }

    static List<String> values(List<Map.Entry<String, String>> fields, String name) {
        return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    long audited(long userId) {
        return jdbc.sql("select count(*) from audit_log where actor_user_id = :u").param("u", userId).query(Long.class).single();
    }

    /** A multipart body: the fields, and each file input with a file whose name and content are script. */
    static byte[] multipart(String boundary, List<Map.Entry<String, String>> fields, Map<String, String> types) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        types.forEach((name, type) -> {
            if (type.equals("file")) {
                out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + SCRIPT
                        + ".csv\"\r\nContent-Type: text/csv\r\n\r\n" + SCRIPT + ",\"unclosed\n\u0000,,\r\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The POST handlers no page showed any role a form of (some are reached by htmx or scripts only, or in states the world lacks). */
    List<Page> unshown() {
        Set<String> shown = forms.values().stream().map(form -> form.action().replaceAll("\\?.*", "")).collect(Collectors.toSet());
        return pages(RequestMethod.POST).stream()
                .filter(page -> shown.stream().noneMatch(action -> action.matches(page.pattern().replaceAll("\\{[^}]*}", "[^/]+"))))
                .toList();
    }

    /** After the forms stored what they took (names, plans, purposes, file names with script): every role's pages again, the script shown escaped. */
    @TestFactory
    @Order(4)
    Stream<DynamicTest> whatTheFormsStoredIsShownEscapedOnEveryPage() {
        return pages().stream().filter(page -> !page.download()).map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
            List<String> failures = new ArrayList<>();
            int before = logged.list.size();
            for (Role role : Role.values()) {
                String good = page.required().stream().map(name -> name + "=" + encode(goodRequired(name))).collect(Collectors.joining("&"));
                String lang = sent++ % 2 == 0 ? "zh" : "en";
                String address = path(page, null, null, owned.get(role)) + "?" + (good.isEmpty() ? "" : good + "&") + "lang=" + lang;
                check(page, session(role), address, lang).ifPresent(failure -> failures.add(role + " " + address + ": " + failure));
            }
            errorsLoggedSince(before).stream().distinct().forEach(error -> failures.add("logged " + error));
            assertThat(failures).as(page.toString()).isEmpty();
        }));
    }

    @Test
    @Order(5)
    void theFormsSweptCoverEveryPostHandler() {
        List<String> unshown = unshown().stream().map(Page::pattern).toList();
        System.out.println(getClass().getSimpleName() + ": " + forms.size() + " forms swept; " + sent + " requests, by status " + tally);
        assertThat(unshown).as("POST handlers never swept").isEmpty();
    }
}
