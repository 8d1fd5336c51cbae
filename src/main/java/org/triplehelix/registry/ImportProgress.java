package org.triplehelix.registry;

/**
 * How far an import has got: records read, bytes read of the current file and its size (-1 when
 * unknown), and the phase ("reading", then "linking" while forward links are resolved).
 */
public record ImportProgress(String file, long records, long bytesRead, long bytesTotal, String phase) {

    /** Fraction of the current file read, 0 to 1, or -1 when its size is unknown. */
    public double fraction() {
        return bytesTotal <= 0 ? -1 : Math.min(1.0, (double) bytesRead / bytesTotal);
    }
}
