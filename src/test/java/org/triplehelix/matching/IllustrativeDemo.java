package org.triplehelix.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.triplehelix.access.DataScope;
import org.triplehelix.registry.ImportReport;
import org.triplehelix.registry.ImportSource;
import org.triplehelix.registry.RegistryImport;

/** The demo's illustrative records (experts, labs, demands) imported into a test context and indexed with their vectors. */
final class IllustrativeDemo {

    private IllustrativeDemo() {
    }

    static void load(ApplicationContext spring, IndexMaintenance maintenance) throws Exception {
        Path file = Files.createTempFile("illustrative", ".jsonl");
        try {
            try (var in = new ClassPathResource("demo/illustrative.jsonl").getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            ImportReport report = spring.getBean(DataScope.class).asSystem(() -> spring.getBean(RegistryImport.class)
                    .run(ImportSource.of(file, true)));
            assertThat(report.rejected()).isZero();
        } finally {
            Files.deleteIfExists(file);
        }
        maintenance.rebuild(Progress.NONE);
        maintenance.embedMissing(Progress.NONE, 2);
    }
}
