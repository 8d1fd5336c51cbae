package org.triplehelix.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.triplehelix.access.DataScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled demo into an empty registry when the platform is ready ({@code
 * helix.demo.enabled}), in the background so that the web answers meanwhile. The manifest
 * ({@code helix.demo.manifest}, default {@code classpath:demo/manifest.txt}) lists one file a line,
 * relative to the manifest, optionally followed by {@code illustrative}; lines starting with #
 * are comments. The files are imported together, so links may cross them. Then, or at once when
 * the registry already has data, it publishes {@link DemoReady} for the other modules' demos.
 */
@Component
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final RegistryImport imports;
    private final DataScope scope;
    private final JdbcClient jdbc;
    private final ResourceLoader resources;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private final String manifest;

    DemoLoader(RegistryImport imports, DataScope scope, JdbcClient jdbc, ResourceLoader resources, ApplicationEventPublisher events,
               @Value("${helix.demo.enabled:false}") boolean enabled,
               @Value("${helix.demo.manifest:classpath:demo/manifest.txt}") String manifest) {
        this.imports = imports;
        this.scope = scope;
        this.jdbc = jdbc;
        this.resources = resources;
        this.events = events;
        this.enabled = enabled;
        this.manifest = manifest;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (enabled) {
            boolean empty = registryIsEmpty();
            Thread.ofPlatform().name("demo-loader").daemon().start(() -> loadLogged(empty));
        }
    }

    boolean registryIsEmpty() {
        return jdbc.sql("select not exists (select 1 from organization)").query(Boolean.class).single();
    }

    private void loadLogged(boolean empty) {
        try {
            if (empty && load() == null) {
                return;
            }
            events.publishEvent(new DemoReady());
        } catch (RuntimeException e) {
            log.error("Loading the demo failed: {}", e.getMessage(), e);
        }
    }

    ImportReport load() {
        return load(manifest);
    }

    /** Imports the files of the manifest at {@code manifest} (a resource location); null when there is none. */
    ImportReport load(String manifest) {
        Resource list = resources.getResource(manifest);
        if (!list.exists()) {
            log.warn("No demo manifest at {}: the registry stays empty", manifest);
            return null;
        }
        List<ImportSource> sources = sources(list);
        log.info("Loading the demo: {} files from {}", sources.size(), manifest);
        // platform work: the demo is imported by the system, not by whoever asked first
        ImportReport report = scope.asSystem(() -> imports.run(sources, new ImportListener() {
            private long lastLogged = System.nanoTime();

            @Override
            public void progress(ImportProgress progress) {
                if (System.nanoTime() - lastLogged > 5_000_000_000L) {
                    lastLogged = System.nanoTime();
                    log.info("Loading the demo: {} records read ({})", progress.records(), progress.file());
                }
            }

            @Override
            public void rejected(ImportRejection rejection) {
                log.warn("Demo record rejected: {}", rejection);
            }
        }));
        log.info("Demo loaded: {} in {} s", report.summary(), report.elapsed().toSeconds());
        return report;
    }

    private static List<ImportSource> sources(Resource list) {
        List<ImportSource> sources = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                String[] parts = entry.split("\\s+");
                boolean illustrative = parts.length > 1 && parts[1].equalsIgnoreCase("illustrative");
                Resource file = list.createRelative(parts[0]);
                FileFormat format = FileFormat.of(parts[0]).orElseThrow(() -> new IllegalStateException(
                        "demo manifest: unknown format of " + parts[0]));
                sources.add(ImportSource.of(parts[0], format, contentLength(file), illustrative, file::getInputStream));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo manifest " + list + ": " + e.getMessage(), e);
        }
        return sources;
    }

    private static long contentLength(Resource file) {
        try {
            return file.contentLength();
        } catch (IOException e) {
            return -1;
        }
    }
}
