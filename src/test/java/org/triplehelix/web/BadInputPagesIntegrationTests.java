package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.Account;
import org.triplehelix.access.HelixClient;
import org.triplehelix.access.Role;
import org.triplehelix.facility.FacilityFixtures;
import org.triplehelix.insight.Dimension;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sweep of bad address-bar parameters over every page and htmx fragment: the GET handlers of
 * the {@code @Controller}s (not the API) are read from the application context, their path
 * variables filled with a record that exists, one that does not and a malformed id, and each
 * query parameter sent, one at a time, with values that do not fit its type, signed out and
 * signed in as an administrator. Whatever comes back is the page (with its message beside the
 * field), the platform's error page in the language asked for, a redirect, or the download the
 * page is: never a server error, JSON, a stack trace or Spring Boot's own page, never the typed
 * script unescaped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputPagesIntegrationTests {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final List<String> NUMBERS = List.of("abc", "-1", "99999999999999999999", "2147483648", "0");
    static final List<String> DATES = List.of("2026-13-45", "2026-02-30", "99999-01-01");
    static final List<String> TEXTS = List.of("x".repeat(300), SCRIPT, "'\"`;--\u0007ü字{{7*7}}${x}&lt;\\u0000<b>");
    static final List<String> LANGUAGES = List.of(SCRIPT, "x".repeat(300), "zh_XX_\u0007");
    static final List<String> BOOLEANS = List.of("maybe");
    /** Text parameters read as numbers or dates by the page itself. */
    static final Pattern NUMERIC_NAME = Pattern.compile("page|size|k|limit|year|yearFrom|yearTo|month|entry|attachment");
    static final Pattern DATE_NAME = Pattern.compile("date|start|from|to|month");
    /** The most requests the sweep may plan, to keep its time modest (about 45 s on two cores): a sweep grown past it fails. */
    static final int CAP = 4000;

    /** Spring Boot's error JSON or a problem detail ({@code "status": 400}); a record's {@code "status": "OPEN"} on the audit page is not. */
    static final Pattern PROBLEM_STATUS = Pattern.compile("\"status\":\\s*\\d{3}\\b");

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    HelixClient visitor;
    HelixClient administrator;
    /** A record that exists, by the leading segments of the addresses it fills ({@code talent/programs}). */
    final Map<String, String> known = new LinkedHashMap<>();
    int sent;
    final Map<Integer, Integer> tally = new TreeMap<>();

    @BeforeAll
    void world() {
        FacilityFixtures facilities = FacilityFixtures.of(context);
        AccessFixtures access = facilities.access();
        Account admin = access.user(null, Role.ADMIN);
        long organization = access.organization("Bad Page Enterprise", null);
        String organizationExtId = access.organizationExtId(organization);
        Account enterprise = access.user(organization, Role.ENTERPRISE);
        known.put("organizations", organizationExtId);
        known.put("persons", access.personExtId(access.person("Bad Page Person", organization)));
        String instrument = facilities.openFacility(organization, false, false);
        known.put("facilities", instrument);
        known.put("admin", String.valueOf(admin.id()));
        known.put("insight", "organization.all");

        HelixClient enterpriseApi = HelixClient.basic(port, enterprise.email(), AccessFixtures.PASSWORD);
        HelixClient adminApi = HelixClient.basic(port, admin.email(), AccessFixtures.PASSWORD);
        HelixClient.Response demand = enterpriseApi.json("POST", "/api/v1/demands", """
                {"extId": "%s", "titleZh": "坏参数需求", "organization": "%s"}
                """.formatted(AccessFixtures.unique("bad-page-demand"), organizationExtId));
        assertThat(demand.status()).as(demand.body()).isEqualTo(201);
        known.put("demands", JSON.readTree(demand.body()).path("extId").asString());
        HelixClient.Response challenge = adminApi.json("POST", "/api/v1/challenges", """
                {"titleZh": "%s", "problemZh": "问题", "technologyCode": "kct-17", "budget": 1000, "durationMonths": 12,
                 "deadline": "2099-06-01T00:00:00Z",
                 "targets": [{"position": 1, "indicator": "强度", "unit": "MPa", "threshold": 100, "higherIsBetter": true}]}
                """.formatted(AccessFixtures.unique("坏参数挑战")));
        assertThat(challenge.status()).as(challenge.body()).isEqualTo(201);
        known.put("challenges", JSON.readTree(challenge.body()).path("extId").asString());
        String program = AccessFixtures.unique("bad-page-program");
        HelixClient.Response enrolled = adminApi.json("POST", "/api/v1/talent/programs", """
                {"id": "%s", "name": "坏参数项目", "university": "%s", "enterprises": ["%s"], "discipline": "0802",
                 "industry": "ind-auto", "degree_level": "master", "cohort_year": 2024, "capacity": 10}
                """.formatted(program, organizationExtId, organizationExtId));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        known.put("talent/programs", program);

        visitor = HelixClient.browser(port);
        administrator = HelixClient.signedIn(port, admin);
        logged.start();
        root().addAppender(logged);
    }

    /** What the platform logs as it answers: an error logged is a failure the reader may not see (a download cut off). */
    final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();

    static ch.qos.logback.classic.Logger root() {
        return (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @org.junit.jupiter.api.AfterAll
    void stopListening() {
        root().detachAppender(logged);
    }

    /** The errors logged since the given count of events, as their first lines. */
    List<String> errorsLoggedSince(int from) {
        List<ch.qos.logback.classic.spi.ILoggingEvent> events = List.copyOf(logged.list);
        return events.subList(Math.min(from, events.size()), events.size()).stream()
                .filter(event -> event.getLevel() == ch.qos.logback.classic.Level.ERROR)
                .map(event -> event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : ": " + event.getThrowableProxy().getMessage()))
                .toList();
    }

    /** One GET page handler: its address pattern and parameters. */
    record Page(String pattern, String handler, List<String> pathVariables, Map<String, List<String>> parameters,
                List<String> required, boolean download) {

        @Override
        public String toString() {
            return pattern + " (" + handler + ")";
        }
    }

    List<Page> pages() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Map<String, Page> pages = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod method = entry.getValue();
            Class<?> bean = method.getBeanType();
            java.util.Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!bean.getName().startsWith("org.triplehelix.") || AnnotatedElementUtils.hasAnnotation(bean, RestController.class)
                    || AnnotatedElementUtils.hasAnnotation(bean, ResponseBody.class) || method.hasMethodAnnotation(ResponseBody.class)
                    || !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                pages.put(pattern + " " + method, page(pattern, method));
            }
        }
        return List.copyOf(pages.values());
    }

    static Page page(String pattern, HandlerMethod method) {
        List<String> variables = new ArrayList<>();
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                variables.add(parameter.getParameterName());
            } else if (param != null && Map.class.isAssignableFrom(type)) {
                Arrays.stream(Dimension.values()).forEach(d -> parameters.put(d.key(), valuesFor(String.class, d.key())));
            } else if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
                if ("lang".equals(name)) {
                    continue; // the language switch: swept as the page's language
                }
                parameters.put(name, valuesFor(type, name));
                if (param.required() && param.defaultValue().equals(org.springframework.web.bind.annotation.ValueConstants.DEFAULT_NONE)
                        && !java.util.Optional.class.equals(type)) {
                    required.add(name);
                }
            } else if (type.isRecord() && type.getName().startsWith("org.triplehelix.")) {
                for (RecordComponent component : type.getRecordComponents()) {
                    parameters.put(component.getName(), valuesFor(component.getType(), component.getName()));
                }
            }
        }
        Class<?> returned = method.getMethod().getReturnType();
        boolean download = ResponseEntity.class.isAssignableFrom(returned) || void.class.equals(returned);
        return new Page(pattern, method.getShortLogMessage(), variables, parameters, required, download);
    }

    static List<String> valuesFor(Class<?> type, String name) {
        List<String> values = new ArrayList<>();
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            values.addAll(NUMBERS);
        } else if (type == LocalDate.class) {
            values.addAll(DATES);
        } else if (type == boolean.class || type == Boolean.class) {
            values.addAll(BOOLEANS);
        } else {
            values.addAll(TEXTS);
            if (NUMERIC_NAME.matcher(name).matches()) {
                values.addAll(NUMBERS);
            }
            if (DATE_NAME.matcher(name).matches()) {
                values.addAll(DATES);
            }
        }
        return values;
    }

    /** The page's address with its path variables filled: with a record that exists where there is one. */
    String path(Page page, String variable, String value) {
        String path = page.pattern();
        Matcher matcher = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}").matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String regex = matcher.group(2);
            String replacement;
            if (name.equals(variable)) {
                replacement = value;
            } else if (regex != null && regex.matches("[\\w|-]+")) {
                replacement = regex.split("\\|")[0]; // {collection:organizations|persons}
            } else {
                replacement = knownId(page.pattern(), name);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    String knownId(String pattern, String variable) {
        if (pattern.startsWith("/talent/crosswalk/")) {
            return variable.equals("discipline") ? "0802" : "ind-auto";
        }
        if (pattern.startsWith("/registry/import/templates/")) {
            return variable.equals("kind") ? "organization" : "csv";
        }
        for (Map.Entry<String, String> entry : known.entrySet()) {
            if (pattern.startsWith("/" + entry.getKey() + "/") && !pattern.contains("/applications/") && !pattern.contains("/hours/")
                    && !pattern.contains("/import/")) {
                return entry.getValue();
            }
        }
        return "999999"; // a record that does not exist, and a number where one is wanted
    }

    /** Each page's requests: the path variables unknown and malformed, then each parameter with each bad value. */
    List<String> requests(Page page) {
        List<String> requests = new ArrayList<>();
        for (String variable : page.pathVariables()) {
            requests.add(path(page, variable, "no-such-record-999999"));
            requests.add(path(page, variable, "999999999999999999999"));
            requests.add(path(page, variable, encode("x".repeat(300))));
            requests.add(path(page, variable, encode("<b>'\"")));
        }
        String base = path(page, null, null);
        String others = page.required().stream().map(name -> name + "=1").collect(Collectors.joining("&"));
        page.parameters().forEach((name, values) -> {
            for (String value : values) {
                String query = encode(name) + "=" + encode(value);
                for (String required : page.required()) {
                    if (!required.equals(name)) {
                        query += "&" + required + "=1";
                    }
                }
                requests.add(base + "?" + query);
            }
        });
        requests.add(base + (others.isEmpty() ? "" : "?" + others));
        for (String language : LANGUAGES) { // the language switch itself: ignored, the page in the language it was in
            requests.add(base + "?" + (others.isEmpty() ? "" : others + "&") + "lang=" + encode(language));
        }
        return requests;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theSweepFindsThePagesAndTheirParameters() {
        List<Page> pages = pages();
        assertThat(pages).extracting(Page::pattern).contains("/talent/gap", "/organizations", "/facilities/{id}/calendar",
                "/insight/indicators/{code}", "/challenges/applications/{id}", "/admin/users/{id}", "/notifications");
        assertThat(pages).extracting(Page::pattern).doesNotContain("/api/v1/organizations");
        Page gap = pages.stream().filter(p -> p.pattern().equals("/talent/gap")).findFirst().orElseThrow();
        assertThat(gap.parameters().get("year")).containsAll(NUMBERS);
        Page organizations = pages.stream().filter(p -> p.pattern().equals("/organizations")).findFirst().orElseThrow();
        assertThat(organizations.parameters()).containsKeys("q", "yearFrom", "page");
        assertThat(pages.stream().mapToInt(page -> requests(page).size() * 2).sum()).isBetween(1000, CAP);
    }

    /**
     * A download is checked before it is begun: a filter its page refuses gets the same error page, not a 200 CSV cut
     * off after its header row (the sweep cannot tell a cut-off file from a whole one).
     */
    @Test
    void aCsvWithAFilterItsPageRefusesGetsTheErrorPageNotACutOffFile() {
        for (String query : List.of("year=abc", "year=99999999999999999999", "year=" + encode(SCRIPT))) {
            for (String page : List.of("/insight/indicators/organization.all/records", "/insight/indicators/organization.all")) {
                HelixClient.Response shown = administrator.get(page + "?" + query + "&lang=en");
                HelixClient.Response csv = administrator.send("GET", page + ".csv?" + query + "&lang=zh",
                        Map.of("Accept", "text/html,*/*;q=0.8"), new byte[0]);
                assertThat(shown.status()).as(page + "?" + query).isEqualTo(400);
                assertThat(csv.status()).as(page + ".csv?" + query + " " + snippet(csv.body())).isEqualTo(400);
                assertThat(csv.header("Content-Type")).startsWith("text/html");
                assertThat(csv.header("Content-Disposition")).isNull();
                assertThat(csv.body()).contains("class=\"error-page\"").contains("<html lang=\"zh-CN\"").doesNotContain(SCRIPT);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageAnswersBadParametersWithAPageInTheLanguageAsked() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Page page : pages()) {
            tests.add(DynamicTest.dynamicTest(page.toString(), () -> {
                List<String> failures = new ArrayList<>();
                List<String> requests = requests(page);
                int before = logged.list.size();
                for (String request : requests) {
                    for (boolean signedIn : new boolean[] {false, true}) {
                        boolean badLanguage = request.contains("lang=");
                        String lang = badLanguage ? null : sent % 2 == 0 ? "zh" : "en";
                        String address = badLanguage ? request : request + (request.contains("?") ? "&" : "?") + "lang=" + lang;
                        sent++;
                        check(page, signedIn ? administrator : visitor, address, lang)
                                .ifPresent(failure -> failures.add((signedIn ? "admin " : "visitor ") + address + ": " + failure));
                    }
                }
                errorsLoggedSince(before).stream().distinct().forEach(error -> failures.add("logged " + error));
                assertThat(failures).as(page + ": " + failures.size() + " of " + requests.size() * 2).isEmpty();
            }));
        }
        return tests.stream();
    }

    /** One request as a browser sends it; every other pair as htmx does ({@code HX-Request}), for which the lists answer a fragment. */
    java.util.Optional<String> check(Page page, HelixClient client, String address, String lang) {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
        if (sent % 4 >= 2) {
            headers.put("HX-Request", "true");
        }
        HelixClient.Response response;
        try {
            response = client.send("GET", address, headers, new byte[0]);
        } catch (RuntimeException e) {
            return java.util.Optional.of("no answer: " + e);
        }
        int status = response.status();
        String type = response.header("Content-Type") == null ? "" : response.header("Content-Type");
        String body = response.body() == null ? "" : response.body();
        if (status >= 500) {
            return java.util.Optional.of(status + " " + snippet(body));
        }
        tally.merge(status, 1, Integer::sum);
        String redirect = status >= 300 && status < 400 ? response.location()
                : response.header("HX-Redirect") != null && headers.containsKey("HX-Request") ? response.header("HX-Redirect") : null;
        if (redirect != null) { // to sign in, or to the page itself (htmx: the whole page); an address that is one
            return isAddress(redirect) ? java.util.Optional.empty() : java.util.Optional.of(status + " to " + redirect);
        }
        boolean download = page.download() && status < 300 && response.header("Content-Disposition") != null;
        if (!download && !type.startsWith("text/html")) {
            return java.util.Optional.of(status + " " + type + " " + snippet(body));
        }
        if (download) {
            return java.util.Optional.empty();
        }
        for (String leak : List.of(SCRIPT, "Whitelabel", "Exception", "at org.")) {
            if (body.contains(leak)) {
                return java.util.Optional.of(status + " shows " + leak + ": " + snippet(around(body, leak)));
            }
        }
        Matcher problem = PROBLEM_STATUS.matcher(body);
        if (problem.find()) {
            return java.util.Optional.of(status + " shows a problem detail: " + snippet(around(body, problem.group())));
        }
        if (lang != null && body.contains("<html")) { // an error page, or the page with the message beside the field
            String expected = lang.equals("en") ? "<html lang=\"en\"" : "<html lang=\"zh-CN\"";
            if (!body.contains(expected)) {
                return java.util.Optional.of(status + " not in " + lang + ": " + snippet(body));
            }
        }
        if (status >= 400 && !body.contains("<html") && !body.contains("class=\"field-error\"") && !body.contains("error")) {
            return java.util.Optional.of(status + " without a message: " + snippet(body));
        }
        return java.util.Optional.empty();
    }

    /** A redirect's address: a valid URI on this platform, nothing that had to be escaped left raw. */
    static boolean isAddress(String location) {
        try {
            java.net.URI uri = new java.net.URI(location);
            return !location.isEmpty() && (uri.getHost() == null || uri.getHost().equals("localhost"));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    @org.junit.jupiter.api.AfterAll
    void report() {
        System.out.println("Bad page parameters: " + sent + " requests, by status " + tally);
    }

    static String around(String body, String leak) {
        int at = body.indexOf(leak);
        return body.substring(Math.max(0, at - 150), Math.min(body.length(), at + 150));
    }

    static String snippet(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
