package org.triplehelix.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.triplehelix.shared.HelixProperties;

/** At start-up of the web platform with no active administrator: how to create one (there is no default account). */
final class NoAdministratorNotice {

    private static final Logger log = LoggerFactory.getLogger(NoAdministratorNotice.class);

    private final UserAccounts accounts;
    private final HelixProperties properties;

    NoAdministratorNotice(UserAccounts accounts, HelixProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        if (!accounts.anyActiveAdmin()) {
            log.warn(message());
        }
    }

    String message() {
        String where = properties.dbUrl() != null ? "--db-url " + properties.dbUrl() : "--data " + properties.data();
        return """
                No administrator account exists yet (there is no default one). Create one on this server with:
                    ./helix user add %s --email you@example.org --name "Your Name" --role ADMIN
                It reads the password from the HELIX_PASSWORD environment variable or asks for it (12 characters or more).
                """.formatted(where).stripTrailing();
    }
}

