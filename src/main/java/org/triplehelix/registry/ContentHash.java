package org.triplehelix.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.triplehelix.registry.internal.InterchangeCodec;

/**
 * A digest of everything a record stores (its interchange form, links as external ids, the
 * resolved region code, the illustrative mark), kept in {@code content_hash}: an upsert changes a
 * row, its {@code updated_at} and its {@code version} only when the digest differs, which makes
 * importing the same file twice change nothing.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(RegistryRecord record, boolean illustrative, String regionCode) {
        String canonical = InterchangeCodec.write(record).toString() + '\u0001' + illustrative + '\u0001' + regionCode;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
