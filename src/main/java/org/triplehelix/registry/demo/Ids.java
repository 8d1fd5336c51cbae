package org.triplehelix.registry.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable identifiers derived from content, so a rebuild from the same sources gives the same ids. */
final class Ids {

    private Ids() {
    }

    /** The first 12 hex digits of the SHA-256 of the parts joined by {@code |}. */
    static String hash(String... parts) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A name as printed, with line breaks and runs of white space inside it removed or collapsed. */
    static String clean(String name) {
        if (name == null) {
            return null;
        }
        return name.replaceAll("\\s*[\\r\\n]+\\s*", "").replaceAll("\\s+", " ").strip();
    }
}
