package org.triplehelix.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.HelixProperties;

class NoAdministratorNoticeTests {

    @Test
    void tellsHowToCreateTheFirstAdministratorForThisInstallation() {
        String message = new NoAdministratorNotice(null, new HelixProperties(Path.of("/srv/helix"), null)).message();
        assertThat(message).contains("No administrator account exists yet")
                .contains("./helix user add --data /srv/helix --email you@example.org --name \"Your Name\" --role ADMIN")
                .contains("HELIX_PASSWORD");
        assertThat(new NoAdministratorNotice(null, new HelixProperties(null, "jdbc:postgresql://db/helix")).message())
                .contains("--db-url jdbc:postgresql://db/helix");
    }
}
