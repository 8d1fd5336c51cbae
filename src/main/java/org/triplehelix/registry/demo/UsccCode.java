package org.triplehelix.registry.demo;

/**
 * Builds unified social credit codes (GB 32100-2015) for the illustrative enterprises: registration
 * authority 9 (industry and commerce), type 1 (enterprise), the region's GB/T 2260 code, an
 * organization code {@code DEM} + serial + its GB 11714 check character, and the GB 32100 check
 * character. The {@code DEM} organization codes mark them as fictitious.
 */
final class UsccCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORGANIZATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private UsccCode() {
    }

    static String illustrative(String regionCode, int serial) {
        String organizationBody = "DEM%05d".formatted(serial);
        String body = "91" + regionCode + organizationBody + organizationCheck(organizationBody);
        return body + usccCheck(body);
    }

    /** GB 32100-2015: 31 − (Σ value × weight mod 31), 31 written as 0, over the 31-character set. */
    static char usccCheck(String body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(body17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a USCC character: " + body17.charAt(i));
            }
            sum += value * USCC_WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** GB 11714-1997: 11 − (Σ value × weight mod 11), digits as themselves and A–Z as 10–35; 10 is X, 11 is 0. */
    static char organizationCheck(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(body8.charAt(i), 36) * ORGANIZATION_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
