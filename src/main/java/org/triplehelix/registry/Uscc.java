package org.triplehelix.registry;

import java.util.Locale;
import org.triplehelix.shared.InvalidInputException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
 * alphabet (digits and capital letters without I, O, Z, S, V); characters 3–8 are the
 * administrative division code; the last one is a check character computed modulo 31 with the
 * weights 3^i mod 31.
 */
public record Uscc(String value) {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public Uscc {
        InvalidInputException problem = problem(value);
        if (problem != null) {
            throw problem;
        }
    }

    /** The code, upper-cased and stripped; throws {@link InvalidInputException} (field uscc) when invalid. */
    public static Uscc of(String value) {
        if (value == null) {
            throw new InvalidInputException("uscc", "unified social credit code is missing", "registry.edit.error.uscc.missing");
        }
        return new Uscc(value.strip().toUpperCase(Locale.ROOT));
    }

    /** The check character for the first 17 characters (which must be in the alphabet). */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** What is wrong with the code (in English, and as a message key with the code and the detail), or null. */
    private static InvalidInputException problem(String value) {
        if (value == null || value.length() != 18) {
            return refused("unified social credit code must have 18 characters: " + value, "registry.edit.error.uscc.length",
                    value, value == null ? 0 : value.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return refused("unified social credit code has an invalid character '" + value.charAt(i) + "': " + value,
                        "registry.edit.error.uscc.character", value, value.charAt(i));
            }
        }
        if (!value.substring(2, 8).chars().allMatch(Character::isDigit)) {
            return refused("unified social credit code has no division code in characters 3 to 8: " + value,
                    "registry.edit.error.uscc.division", value);
        }
        if (checkCharacter(value) != value.charAt(17)) {
            return refused("unified social credit code has a bad checksum: " + value, "registry.edit.error.uscc.checksum", value);
        }
        return null;
    }

    private static InvalidInputException refused(String message, String key, Object... args) {
        return new InvalidInputException("uscc", message, key, java.util.Arrays.stream(args).map(String::valueOf).toArray());
    }

    @Override
    public String toString() {
        return value;
    }
}
