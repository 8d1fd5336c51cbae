package org.triplehelix;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.triplehelix.cli.HelixCommand;

/**
 * Triple Helix: the platform of a regional science-and-technology innovation center.
 * The executable jar is the command line ({@code serve}, {@code import}, {@code export}, …);
 * each command starts the Spring application it needs.
 */
@SpringBootApplication
public class TripleHelixApplication {

    public static void main(String[] args) {
        int exitCode = HelixCommand.run(TripleHelixApplication.class, args);
        if (exitCode != HelixCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
