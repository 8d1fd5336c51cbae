package org.triplehelix.registry;

import java.util.regex.Pattern;
import org.triplehelix.shared.InvalidInputException;

/**
 * An ORCID iD, kept in its bare form {@code 0000-0002-1825-0097}; the last character is an
 * ISO 7064 MOD 11-2 check digit (0–9 or X). Accepts the bare form or the URI
 * {@code https://orcid.org/0000-0002-1825-0097}.
 */
public record Orcid(String value) {

    private static final Pattern BARE = Pattern.compile("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]");
    private static final Pattern URI = Pattern.compile("(?i)^(?:https?://)?(?:www\\.)?orcid\\.org/");

    public Orcid {
        if (value == null || !BARE.matcher(value).matches()) {
            throw new InvalidInputException("orcid", "ORCID iD must look like 0000-0002-1825-0097: " + value,
                    "registry.edit.error.orcid.format", String.valueOf(value));
        }
        if (checkDigit(value.replace("-", "").substring(0, 15)) != value.charAt(18)) {
            throw new InvalidInputException("orcid", "ORCID iD has a bad checksum: " + value, "registry.edit.error.orcid.checksum", value);
        }
    }

    /** The iD from its bare or URI form; throws {@link InvalidInputException} (field orcid) when invalid. */
    public static Orcid of(String value) {
        if (value == null) {
            throw new InvalidInputException("orcid", "ORCID iD is missing", "registry.edit.error.orcid.missing");
        }
        String bare = URI.matcher(value.strip()).replaceFirst("");
        return new Orcid(bare.endsWith("x") ? bare.substring(0, bare.length() - 1) + "X" : bare);
    }

    /** ISO 7064 MOD 11-2 over 15 digits. */
    static char checkDigit(String digits) {
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int result = (12 - total % 11) % 11;
        return result == 10 ? 'X' : (char) ('0' + result);
    }

    public String uri() {
        return "https://orcid.org/" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
