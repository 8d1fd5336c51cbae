package org.triplehelix.registry.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Fails with the given reason once more than {@code max} bytes have been read through it. */
final class BoundedInputStream extends FilterInputStream {

    private final long max;
    private final Supplier<? extends IOException> tooLong;
    private long count;

    BoundedInputStream(InputStream in, long max, Supplier<? extends IOException> tooLong) {
        super(in);
        this.max = max;
        this.tooLong = tooLong;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > max) {
            throw tooLong.get();
        }
    }
}
