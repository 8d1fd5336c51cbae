package org.triplehelix.notification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.triplehelix.shared.Text;

/**
 * A notice as an e-mail, in Chinese then English (a user has no stored language): the subject, and a
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

    Mail compose(String messageKey, List<Text> args, String link) {
        String zh = message(messageKey, args, ZH);
        String en = message(messageKey, args, EN);
        String url = baseUrl + link;
        String settings = baseUrl + SETTINGS_PATH;
        String body = String.join("\n",
                zh,
                messages.getMessage("notification.mail.open", new Object[] {url}, ZH),
                "",
                en,
                messages.getMessage("notification.mail.open", new Object[] {url}, EN),
                "",
                "-- ",
                messages.getMessage("notification.mail.footer", new Object[] {settings}, ZH),
                messages.getMessage("notification.mail.footer", new Object[] {settings}, EN),
                "");
        return new Mail(subject(oneLine(zh) + " / " + oneLine(en)), body);
    }

    /**
     * A turned-down registration for the registrant: Chinese then English, the reason (as the administrator wrote
     * it) under each, and no link (the registrant has no account to open anything with). The subject is the
     * bundles' alone, so nothing typed reaches a header.
     */
    Mail rejection(String name, String reason) {
        List<String> lines = new java.util.ArrayList<>();
        for (Locale locale : List.of(ZH, EN)) {
            lines.add(messages.getMessage("notification.mail.rejected.text", new Object[] {name}, locale));
            if (reason != null && !reason.isBlank()) {
                lines.add(messages.getMessage("notification.mail.rejected.reason", new Object[] {reason.strip()}, locale));
            }
            lines.add("");
        }
        lines.add("-- ");
        lines.add(messages.getMessage("notification.mail.rejected.footer", null, ZH));
        lines.add(messages.getMessage("notification.mail.rejected.footer", null, EN));
        lines.add("");
        return new Mail(subject(messages.getMessage("notification.mail.rejected.subject", null, ZH) + " / "
                + messages.getMessage("notification.mail.rejected.subject", null, EN)), String.join("\n", lines));
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
