package org.triplehelix.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the owner of the database says while it waits for the processes attached to it (EmbeddedPostgresAttachedIntegrationTests). */
class DatabaseUsersTests {

    private static final Path DATA = Path.of("/srv/helix/data");

    @Test
    void theOwnerNamesTheProcessesItWaitsForAndHowNotToWait() {
        assertThat(DatabaseUsers.waitingMessage(DATA, List.of(new DatabaseUsers.User(4242, "command"))))
                .isEqualTo("Waiting for 1 other helix process using this database (/srv/helix/data) to finish before stopping it:"
                        + " pid 4242 (a command); Ctrl-C or kill stops it now");
        assertThat(DatabaseUsers.waitingMessage(DATA, List.of(new DatabaseUsers.User(4242, "command"), new DatabaseUsers.User(77, "serve"))))
                .isEqualTo("Waiting for 2 other helix processes using this database (/srv/helix/data) to finish before stopping it:"
                        + " pids 4242 (a command), 77 (serve); Ctrl-C or kill stops it now");
    }

    /** More processes than slots, or one still writing its record: waited for all the same, without a number. */
    @Test
    void processesThatCouldNotBeNamedAreStillTold() {
        assertThat(DatabaseUsers.waitingMessage(DATA, List.of()))
                .isEqualTo("Waiting for other helix processes using this database (/srv/helix/data) to finish before stopping it;"
                        + " Ctrl-C or kill stops it now");
    }
}
