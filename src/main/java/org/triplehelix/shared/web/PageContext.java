package org.triplehelix.shared.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;
import org.triplehelix.shared.Text;

/**
 * What every page template needs besides its own data: the language and its messages, the CSRF
 * token for forms and htmx, the signed-in user, the current path, the counts on the navigation
 * links ({@link NavCount}). Every controller's model has
 * it as {@code ctx} (see {@link PageContextAdvice}); templates take it as {@code @param PageContext ctx}.
 */
public final class PageContext {

    private final Locale locale;
    private final MessageSource messages;
    private final HttpServletRequest request;

    private final List<NavCount> navCounts;
    private final Map<String, Long> counted = new HashMap<>();

    PageContext(Locale locale, MessageSource messages, HttpServletRequest request) {
        this(locale, messages, request, List.of());
    }

    PageContext(Locale locale, MessageSource messages, HttpServletRequest request, List<NavCount> navCounts) {
        this.locale = locale;
        this.messages = messages;
        this.request = request;
        this.navCounts = List.copyOf(navCounts);
    }

    public Locale locale() {
        return locale;
    }

    /** {@code zh-CN} or {@code en}, for the html lang attribute. */
    public String lang() {
        return english() ? "en" : "zh-CN";
    }

    public boolean english() {
        return "en".equals(locale.getLanguage());
    }

    /** The message for a key in the page's language (keys live in messages/*_zh and *_en). */
    public String msg(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A bilingual text in the page's language, falling back to the other one; empty for null. */
    public String text(Text text) {
        return text == null ? "" : text.in(locale);
    }

    /** Of two values, the one in the page's language, else the other. */
    public String pick(String zh, String en) {
        String preferred = english() ? en : zh;
        return preferred == null || preferred.isBlank() ? (english() ? zh : en) : preferred;
    }

    /**
     * {@link #text(Text)} for a page's body: the text escaped, and, when it is shown in the other language for want of
     * one in the page's, inside a {@code <span lang="…">} so that a screen reader reads it in its own language (WCAG
     * 3.1.2, language of parts). Not for attribute values, {@code <title>} or {@code <option>}: there use {@code text}.
     */
    public Content marked(Text text) {
        return text == null ? MarkedText.NONE : new MarkedText(text(text), fallbackLang(text));
    }

    /** {@link #pick(String, String)}, marked as {@link #marked(Text)} is. */
    public Content marked(String zh, String en) {
        String shown = pick(zh, en);
        return shown == null || shown.isBlank() ? MarkedText.NONE : new MarkedText(shown, fallbackLang(zh, en));
    }

    /**
     * {@link #msg} for a page's body whose arguments may be {@link #marked} texts: the message escaped, and each marked
     * argument in its place as {@code marked} writes it (in a {@code <span lang="…">} when in the other language), so
     * that a name inside a sentence is marked too. Not for attribute values or {@code <title>}: there use {@code msg}.
     */
    public Content markedMsg(String key, Object... args) {
        Object[] plain = args.clone();
        List<MarkedText> marks = new java.util.ArrayList<>();
        for (int i = 0; i < plain.length; i++) {
            if (plain[i] instanceof MarkedText mark) {
                plain[i] = "" + MARK_START + marks.size() + MARK_END; // private-use characters no message or name holds
                marks.add(mark);
            }
        }
        String message = msg(key, plain);
        return output -> {
            java.util.regex.Matcher at = MARK.matcher(message);
            int from = 0;
            while (at.find()) {
                new MarkedText(message.substring(from, at.start()), null).writeTo(output);
                marks.get(Integer.parseInt(at.group(1))).writeTo(output);
                from = at.end();
            }
            new MarkedText(message.substring(from), null).writeTo(output);
        };
    }

    private static final char MARK_START = '\uE000';
    private static final char MARK_END = '\uE001';
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile(MARK_START + "(\\d+)" + MARK_END);

    /**
     * The {@code lang} of a text shown in the other language for want of one in the page's ({@code zh-CN} on an English
     * page, {@code en} on a Chinese one); null (no attribute) when it is shown in the page's language. For an element
     * that holds nothing but the text, as {@code <a lang="${ctx.fallbackLang(…)}">}.
     */
    public String fallbackLang(Text text) {
        return text == null ? null : fallbackLang(text.zh(), text.en());
    }

    /** {@link #fallbackLang(Text)} of the value {@link #pick(String, String)} shows. */
    public String fallbackLang(String zh, String en) {
        String preferred = english() ? en : zh;
        String other = english() ? zh : en;
        boolean missing = preferred == null || preferred.isBlank();
        return missing && other != null && !other.isBlank() ? (english() ? "zh-CN" : "en") : null;
    }

    public String csrfToken() {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "" : token.getToken();
    }

    public String csrfParameter() {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "_csrf" : token.getParameterName();
    }

    public String csrfHeader() {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return token == null ? "X-CSRF-TOKEN" : token.getHeaderName();
    }

    public boolean signedIn() {
        return request.getUserPrincipal() != null;
    }

    public String userName() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    public boolean hasRole(String role) {
        return request.isUserInRole(role);
    }

    /** The count on the navigation link to {@code path} for the signed-in user; 0 (nothing asked) for a visitor. */
    public long navCount(String path) {
        if (!signedIn()) {
            return 0;
        }
        return counted.computeIfAbsent(path, p -> navCounts.stream().filter(c -> c.path().equals(p)).mapToLong(NavCount::count).sum());
    }

    /** What the count on the link to {@code path} means, in the page's language ("3 open invitations…"). */
    public String navCountLabel(String path) {
        long count = navCount(path);
        return navCounts.stream().filter(c -> c.path().equals(path)).findFirst().map(c -> msg(c.labelKey(), count)).orElse("");
    }

    public String path() {
        return request.getRequestURI();
    }

    /**
     * The link that shows this page in another language. A page answering a GET is that URL again with
     * {@code lang} set. A page answering a form's POST (a refused form shown again) has no URL of its
     * own to ask for again — its address answers POST only, so the link was a 405 — and links to the page
     * the form was on instead (the Referer's path and query, when it is this site's), or the home page.
     */
    public String languageLink(String lang) {
        String method = request.getMethod();
        if (method == null || "GET".equals(method) || "HEAD".equals(method)) {
            return withParam("lang", lang, false); // a refused list in the other language: the mark read in it
        }
        return UriComponentsBuilder.fromUriString(formPage())
                .replaceQueryParam("lang", org.springframework.web.util.UriUtils.encodeQueryParam(lang, java.nio.charset.StandardCharsets.UTF_8))
                .build().toUriString();
    }

    /** The path and query of the page a form was posted from, when the Referer names one of this site's pages; else "/". */
    private String formPage() {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return "/";
        }
        try {
            java.net.URI uri = new java.net.URI(referer);
            boolean here = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            String path = uri.getRawPath();
            if (!here || path == null || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }

    /**
     * The current URL with one query parameter replaced (for pagination, sorting, the language switch). The request's
     * path and query are already percent-encoded as the browser sent them, so they are not encoded again (which made
     * a Chinese search's "next page" or language link search for "%E7%A0%94…" instead); only the new value is.
     */
    public String withParam(String name, Object value) {
        return withParam(name, value, true);
    }

    private String withParam(String name, Object value, boolean leavingOutRefused) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
        if (leavingOutRefused && request.getAttribute(LEFT_OUT) instanceof java.util.Collection<?> leftOut) {
            leftOut.forEach(parameter -> link.replaceQueryParam((String) parameter));
        }
        return link.replaceQueryParam(name, org.springframework.web.util.UriUtils.encodeQueryParam(String.valueOf(value),
                        java.nio.charset.StandardCharsets.UTF_8))
                .build().toUriString();
    }

    private static final String LEFT_OUT = PageContext.class.getName() + ".leftOut";

    /**
     * Leaves the query parameters a list page refused and listed without (an unknown sort, a year in words) out of the
     * links {@link #withParam} makes on this request (its pager): they carry what the page shows, so that "next page" is
     * not refused again. The language link keeps them: it shows the same page, the refusal read in the other language.
     */
    public static void leaveOutOfLinks(HttpServletRequest request, java.util.Collection<String> parameters) {
        request.setAttribute(LEFT_OUT, List.copyOf(parameters));
    }
}
