package org.triplehelix.registry;

import java.nio.charset.StandardCharsets;

/**
 * For each (kind, id) of an import, the read position of its last valid record, so that earlier
 * records with the same id are skipped instead of written and then replaced (which would bump
 * their version twice on every run). Keys are 64-bit hashes in an open-addressing table: 16 bytes
 * a record, 16 MB for a million; a collision (odds about 10^-8 at a million ids) would at worst
 * let an earlier duplicate be written before its replacement, as without this table.
 */
final class LastOccurrences {

    private long[] keys = new long[1 << 14];
    private long[] positions = new long[1 << 14];
    private int size;

    void put(String kind, String id, long position) {
        if (size * 2 >= keys.length) {
            grow();
        }
        insert(hash(kind, id), position);
    }

    /** Whether {@code position} is the last record of (kind, id); true for a key never seen. */
    boolean isLast(String kind, String id, long position) {
        long key = hash(kind, id);
        int mask = keys.length - 1;
        for (int i = (int) (key ^ (key >>> 32)) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return positions[i] == position;
            }
        }
        return true;
    }

    private void insert(long key, long position) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        keys[i] = key;
        positions[i] = position;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldPositions = positions;
        keys = new long[oldKeys.length * 2];
        positions = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldPositions[i]);
            }
        }
    }

    /** FNV-1a over the UTF-8 bytes of kind NUL id, finished with a 64-bit mixer; never 0. */
    static long hash(String kind, String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : (kind + '\0' + id).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
