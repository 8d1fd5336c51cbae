package org.triplehelix.registry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.UnexpectedRollbackException;

/** What stopped an import, as its page says it: each kind of failure its own message, in both bundles. */
class ImportJobsTests {

    private static final Properties ZH = load("zh");
    private static final Properties EN = load("en");

    @Test
    void eachWayAnImportCanStopHasItsOwnMessageInBothLanguages() {
        assertFailure(new DataIntegrityViolationException("ERROR: division by zero"), "registry.import.failure.database");
        assertFailure(new UnexpectedRollbackException("rolled back"), "registry.import.failure.database");
        assertFailure(new DataAccessResourceFailureException("Connection refused"), "registry.import.failure.databaseUnavailable");
        assertFailure(new QueryTimeoutException("canceling statement due to statement timeout"), "registry.import.failure.databaseUnavailable");
        assertFailure(new CannotCreateTransactionException("no connection"), "registry.import.failure.databaseUnavailable");
        assertFailure(new AccessDeniedException("only administrators import files into the registry"), "registry.import.failure.denied");
        assertFailure(new AuthenticationCredentialsNotFoundException("sign in"), "registry.import.failure.denied");
        assertFailure(new UncheckedIOException(new IOException("No space left on device")), "registry.import.failure.io");
        assertFailure(new OutOfMemoryError("Java heap space"), "registry.import.failure.tooLarge");
        assertFailure(new IllegalStateException("a fault of the platform's"), "registry.import.failure.unexpected");
    }

    /** An upload's copy stays readable by the platform's own user only, as the temporary file was created. */
    @Test
    void anUploadsCopyKeepsTheTemporaryFilesOwnerOnlyPermissions() throws IOException {
        java.nio.file.Path copy = java.nio.file.Files.createTempFile("helix-upload-", ".csv");
        try {
            org.junit.jupiter.api.Assumptions.assumeTrue(copy.getFileSystem().supportedFileAttributeViews().contains("posix"));
            ImportJobs.copy(new org.springframework.mock.web.MockMultipartFile("files", "orgs.csv", "text/csv",
                    "id,name\norg-a,甲\n".getBytes(StandardCharsets.UTF_8)), copy);
            assertThat(java.nio.file.Files.readString(copy)).isEqualTo("id,name\norg-a,甲\n");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(copy)))
                    .isEqualTo("rw-------");
        } finally {
            java.nio.file.Files.deleteIfExists(copy);
        }
    }

    private static void assertFailure(Throwable e, String key) {
        var message = ImportJobs.failure(e);
        assertThat(message.key()).as(e.getClass().getSimpleName()).isEqualTo(key);
        assertThat(message.args()).isEmpty();
        assertThat(ZH.getProperty(key)).as(key + " in Chinese").isNotBlank().doesNotContain("{0}");
        assertThat(EN.getProperty(key)).as(key + " in English").isNotBlank().doesNotContain("{0}");
    }

    private static Properties load(String language) {
        Properties properties = new Properties();
        try (var in = ImportJobsTests.class.getResourceAsStream("/messages/registry_import_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
