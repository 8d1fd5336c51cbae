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
 * The machinery of the bad-input sweeps over the pages ({@link BadInputPagesIntegrationTests}: every GET page signed out
 * and as an administrator; {@link BadInputRolesIntegrationTests}: every role with the records it owns, and the forms its
 * pages show): the page handlers read from the application context, the bad values per parameter type, the addresses
 * filled with known records, and the verdict on each answer (never a server error, JSON, a stack trace or Spring Boot's
 * own page, never the typed script unescaped, an error page in the language asked for, nothing logged as an error).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BadInputSweep {

    /**
     * The script typed into every box. The role sweep stores it (a record renamed to it stays in the test database
     * the test classes share), so it is the sweep's own: another class looking up its own hostile text by name
     * (HardeningIntegrationTests registers with an organization named {@code <script>alert(1)</script>}, expecting none)
     * must not find the sweep's record.
     */
    static final String SCRIPT = "<script>alert('bad-input-sweep')</script>";
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

    /**
     * A record that exists, by the address before the path variable it fills ({@code talent/programs} fills
     * {@code /talent/programs/{id}/edit}, {@code challenges/applications/{id}/attachments} the attachment's variable).
     */
    final Map<String, String> known = new LinkedHashMap<>();
    int sent;
    final Map<Integer, Integer> tally = new TreeMap<>();

    void listen() {
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

    /** One page handler: its address pattern and parameters. */
    record Page(String pattern, String handler, List<String> pathVariables, Map<String, List<String>> parameters,
                List<String> required, boolean download) {

        @Override
        public String toString() {
            return pattern + " (" + handler + ")";
        }
    }

    /** The GET page handlers. */
    List<Page> pages() {
        return pages(RequestMethod.GET);
    }

    /** The page handlers (the {@code @Controller}s, not the API) answering the method. */
    List<Page> pages(RequestMethod wanted) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Map<String, Page> pages = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            HandlerMethod method = entry.getValue();
            Class<?> bean = method.getBeanType();
            java.util.Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            if (!bean.getName().startsWith("org.triplehelix.") || AnnotatedElementUtils.hasAnnotation(bean, RestController.class)
                    || AnnotatedElementUtils.hasAnnotation(bean, ResponseBody.class) || method.hasMethodAnnotation(ResponseBody.class)
                    || !(methods.isEmpty() && wanted == RequestMethod.GET || methods.contains(wanted))) {
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
        return path(page, variable, value, known);
    }

    /** The page's address with the variable given the value, its other path variables the records of {@code ids}. */
    String path(Page page, String variable, String value, Map<String, String> ids) {
        String path = page.pattern();
        Matcher matcher = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}").matcher(path);
        StringBuilder filled = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            String regex = matcher.group(2);
            filled.append(path, last, matcher.start());
            String replacement;
            if (name.equals(variable)) {
                replacement = value;
            } else if (regex != null && regex.matches("[\\w|-]+")) {
                replacement = regex.split("\\|")[0]; // {collection:organizations|persons}
            } else {
                replacement = knownId(page.pattern(), filled.toString(), name, ids);
            }
            filled.append(replacement);
            last = matcher.end();
        }
        filled.append(path.substring(last));
        return filled.toString();
    }

    /** The id of a record that exists for the variable, by the address before it (its earlier variables filled). */
    static String knownId(String pattern, String before, String variable, Map<String, String> ids) {
        if (pattern.startsWith("/talent/crosswalk/")) {
            return variable.equals("discipline") ? "0802" : "ind-auto";
        }
        if (pattern.startsWith("/registry/import/templates/")) {
            return variable.equals("kind") ? "organization" : "csv";
        }
        for (Map.Entry<String, String> entry : ids.entrySet()) {
            if (before.equals("/" + entry.getKey() + "/")) {
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
        return verdict(page.download(), headers.containsKey("HX-Request"), response, lang);
    }

    /**
     * What is wrong with an answer, if anything: a server error, an address that is none, JSON or another type where a
     * page (or the download the page is) belongs, a leak, a problem detail, a language other than the one asked for, an
     * error without a message.
     */
    java.util.Optional<String> verdict(boolean downloadPage, boolean htmx, HelixClient.Response response, String lang) {
        int status = response.status();
        String type = response.header("Content-Type") == null ? "" : response.header("Content-Type");
        String body = response.body() == null ? "" : response.body();
        if (status >= 500) {
            return java.util.Optional.of(status + " " + snippet(body));
        }
        tally.merge(status, 1, Integer::sum);
        String redirect = status >= 300 && status < 400 ? response.location()
                : response.header("HX-Redirect") != null && htmx ? response.header("HX-Redirect") : null;
        if (redirect != null) { // to sign in, or to the page itself (htmx: the whole page); an address that is one
            return isAddress(redirect) ? java.util.Optional.empty() : java.util.Optional.of(status + " to " + redirect);
        }
        boolean download = downloadPage && status < 300 && response.header("Content-Disposition") != null;
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
        if (status == 400 && body.contains("class=\"error-page\"") && unnamed().stream().anyMatch(body::contains)) {
            return java.util.Optional.of(status + " without naming what it could not read: " + snippet(around(body, "error-page")));
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

    private List<String> unnamed;

    /** The error page's general 400 text in both languages: a refusal that names no parameter, field or value. */
    List<String> unnamed() {
        if (unnamed == null) {
            org.springframework.context.MessageSource messages = context.getBean(org.springframework.context.MessageSource.class);
            unnamed = Stream.of(java.util.Locale.forLanguageTag("zh"), java.util.Locale.ENGLISH)
                    .map(locale -> messages.getMessage("web.error.400.text", null, locale)).toList();
        }
        return unnamed;
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
        System.out.println(getClass().getSimpleName() + ": " + sent + " requests, by status " + tally);
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
