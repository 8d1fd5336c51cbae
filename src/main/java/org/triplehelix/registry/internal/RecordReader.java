package org.triplehelix.registry.internal;

import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/** Reads the records of one file in order and hands each to a sink, reporting the bytes read so far. */
public interface RecordReader {

    void read(Consumer<RawRecord> sink, LongConsumer bytesRead) throws IOException;
}
