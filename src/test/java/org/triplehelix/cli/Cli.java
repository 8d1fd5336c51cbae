package org.triplehelix.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.triplehelix.TripleHelixApplication;

/** Runs {@code helix} in this JVM as a user runs it, what it prints to standard output and error kept for the test. */
final class Cli {

    private Cli() {
    }

    static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return HelixCommand.run(TripleHelixApplication.class, args);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
