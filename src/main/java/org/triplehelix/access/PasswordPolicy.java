package org.triplehelix.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The minimum strength of a password: at least 12 characters, at most 72 bytes (bcrypt reads no
 * further), some variety, and nothing guessable — not a common password or a common word with
 * digits around it ({@code P@ssw0rd2024!}), not a keyboard walk or a run ({@code 1q2w3e4r5t6y},
 * {@code abcdefghijkl}), not one piece repeated, not the user's own email or name.
 * Length beats composition rules (NIST SP 800-63B § 3.1.1.2), so no "one digit, one symbol" rule.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT = 6;

    private static final Set<String> COMMON = load("common-passwords.txt");
    private static final Set<String> COMMON_WORDS = load("common-password-words.txt");
    private static final List<String> KEYBOARD_WALKS = List.of(
            "qwertyuiopasdfghjklzxcvbnm", "qazwsxedcrfvtgbyhnujmikolp", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
            "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0", "zaq1xsw2cde3vfr4bgt5nhy6mju7", "1234567890qwertyuiop",
            "qwertyuiop1234567890", "0987654321", "poiuytrewqlkjhgfdsamnbvcxz", "1234qwerasdfzxcv", "qweasdzxc");

    private PasswordPolicy() {
    }

    /** Throws an {@link AccountInputException} on field {@code password} when the password is too weak. */
    public static void check(String password, String email, String name) {
        String problem = problem(password, email, name);
        if (problem != null) {
            throw new AccountInputException("password", "access.password." + problem, message(problem));
        }
    }

    /** The problem's key suffix ({@code tooShort}, {@code common}, …), or null for a good password. */
    static String problem(String password, String email, String name) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "tooShort";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "tooLong";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.codePoints().distinct().count() < MIN_DISTINCT || periodic(lower)) {
            return "repetitive";
        }
        if (COMMON.contains(lower) || commonWordWithDecoration(lower) || keyboardWalk(lower) || sequential(lower)) {
            return "common";
        }
        if (containsPersonal(lower, email, name)) {
            return "personal";
        }
        return null;
    }

    static String message(String problem) {
        return switch (problem) {
            case "tooShort" -> "the password needs at least " + MIN_LENGTH + " characters";
            case "tooLong" -> "the password may have at most " + MAX_BYTES + " bytes";
            case "repetitive" -> "the password repeats itself too much";
            case "common" -> "the password is too common or too easy to guess";
            case "personal" -> "the password must not contain your email or name";
            default -> "the password is too weak";
        };
    }

    /** "password", "P@ssw0rd!", "admin@123456", "woaini1314": a common word with digits or symbols around it. */
    private static boolean commonWordWithDecoration(String lower) {
        String core = lower.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (core.isEmpty()) {
            return false;
        }
        return COMMON_WORDS.contains(core) || COMMON_WORDS.contains(unleet(core, 'i')) || COMMON_WORDS.contains(unleet(core, 'l'));
    }

    private static String unleet(String value, char one) {
        return value.replace('0', 'o').replace('1', one).replace('3', 'e').replace('4', 'a').replace('@', 'a')
                .replace('5', 's').replace('$', 's').replace('7', 't').replace('!', 'i');
    }

    private static boolean keyboardWalk(String lower) {
        String compact = lower.replaceAll("[\\s_-]", "");
        return KEYBOARD_WALKS.stream().anyMatch(walk -> walk.contains(compact) || compact.contains(walk));
    }

    /** "abcdefghijkl", "123456789012", "987654321098": mostly steps of one. */
    private static boolean sequential(String lower) {
        int[] points = lower.codePoints().toArray();
        int steps = 0;
        for (int i = 1; i < points.length; i++) {
            if (Math.abs(points[i] - points[i - 1]) == 1 || points[i - 1] == '9' && points[i] == '0') {
                steps++;
            }
        }
        return steps * 3 >= (points.length - 1) * 2;
    }

    /** "passwordpassword", "abc123abc123": one piece repeated. */
    private static boolean periodic(String lower) {
        return (lower + lower).indexOf(lower, 1) < lower.length();
    }

    private static boolean containsPersonal(String lower, String email, String name) {
        if (email != null && !email.isBlank()) {
            String local = email.toLowerCase(Locale.ROOT).strip();
            local = local.contains("@") ? local.substring(0, local.indexOf('@')) : local;
            if (local.length() >= 4 && lower.contains(local) || lower.contains(email.toLowerCase(Locale.ROOT).strip())) {
                return true;
            }
        }
        if (name != null && !name.isBlank()) {
            String compactName = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
            return compactName.length() >= 4 && lower.replaceAll("\\s+", "").contains(compactName);
        }
        return false;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/access/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource access/" + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
