package org.triplehelix.shared;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where an installation lives: {@code data} holds the embedded database ({@code data/pg}) and the
 * search index ({@code data/index}); {@code dbUrl}, when set, puts the data in an external
 * PostgreSQL server instead (user and password from HELIX_DB_USER / HELIX_DB_PASSWORD).
 */
@ConfigurationProperties("helix")
public record HelixProperties(Path data, String dbUrl) {

    public HelixProperties {
        data = data == null ? Path.of("data") : data;
        dbUrl = dbUrl == null || dbUrl.isBlank() ? null : dbUrl;
    }

    public Path indexDirectory() {
        return data.resolve("index");
    }
}
