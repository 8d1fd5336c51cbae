package org.triplehelix.notification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.triplehelix.shared.Text;

/**
 * A notice as an e-mail, in the recipient's language when it is known (the one they registered in), else in Chinese
 * then English (accounts made on the command line or by an administrator have none): the subject, and a
 * plain-text body with the notice, its absolute link and how to turn these e-mails off. Plain text
 * only, so nothing a user typed (a challenge's title, a rejection's reason) is ever markup.
 *
 * <p>The subject is a header: every line break and control character a user's text could bring is
 * replaced by a space, so no argument can end the header and start another.
 */
final class NoticeMailText {

    static final String SETTINGS_PATH = "/account/password#notice-mail";
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private static final int MAX_SUBJECT = 180;
    /** Controls (CR, LF, TAB, NUL …), and the Unicode line and paragraph separators and NEL. */
    private static final Pattern NOT_IN_A_LINE = Pattern.compile("[\\p{Cntrl}\\u0085\\u2028\\u2029]+");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");

    private final MessageSource messages;
    private final String baseUrl;

    NoticeMailText(MessageSource messages, String baseUrl) {
        this.messages = messages;
        this.baseUrl = baseUrl;
    }

    record Mail(String subject, String body) {
    }

    /** A notice for a recipient whose language is {@code language}; null when unknown (Chinese then English). */
    Mail compose(String messageKey, List<Text> args, String link, Locale language) {
        String url = baseUrl + link;
        String settings = baseUrl + SETTINGS_PATH;
        List<String> lines = new java.util.ArrayList<>();
        List<String> subjects = new java.util.ArrayList<>();
        for (Locale locale : in(language)) {
            String notice = message(messageKey, args, locale);
            subjects.add(oneLine(notice));
            lines.add(notice);
            lines.add(messages.getMessage("notification.mail.open", new Object[] {url}, locale));
            lines.add("");
        }
        lines.add("-- ");
        in(language).forEach(locale -> lines.add(messages.getMessage("notification.mail.footer", new Object[] {settings}, locale)));
        lines.add("");
        return new Mail(subject(String.join(" / ", subjects)), String.join("\n", lines));
    }

    /** The languages to write in: the recipient's alone when known, else Chinese then English. */
    static List<Locale> in(Locale language) {
        if (language == null) {
            return List.of(ZH, EN);
        }
        return List.of("en".equals(language.getLanguage()) ? EN : ZH);
    }

    /**
     * A turned-down registration for the registrant: in the language they registered in, else (not known) Chinese then
     * English, the reason (as the administrator wrote it) under each, and no link (the registrant has no account to
     * open anything with). The subject is the bundles' alone, so nothing typed reaches a header.
     */
    Mail rejection(String name, String reason, Locale language) {
        List<String> lines = new java.util.ArrayList<>();
        for (Locale locale : in(language)) {
            lines.add(messages.getMessage("notification.mail.rejected.text", new Object[] {name}, locale));
            if (reason != null && !reason.isBlank()) {
                lines.add(messages.getMessage("notification.mail.rejected.reason", new Object[] {reason.strip()}, locale));
            }
            lines.add("");
        }
        lines.add("-- ");
        in(language).forEach(locale -> lines.add(messages.getMessage("notification.mail.rejected.footer", null, locale)));
        lines.add("");
        return new Mail(subject(String.join(" / ", in(language).stream()
                .map(locale -> messages.getMessage("notification.mail.rejected.subject", null, locale)).toList())), String.join("\n", lines));
    }

    private String message(String key, List<Text> args, Locale locale) {
        Object[] values = args.stream().map(arg -> arg.in(locale)).toArray();
        return messages.getMessage(key, values, key, locale);
    }

    /** One line: every run of line breaks and control characters becomes one space. */
    static String oneLine(String text) {
        return SPACES.matcher(NOT_IN_A_LINE.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static String subject(String line) {
        if (line.codePointCount(0, line.length()) <= MAX_SUBJECT) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, MAX_SUBJECT - 1)).strip() + "…";
    }
}
