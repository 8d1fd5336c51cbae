package org.triplehelix.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.triplehelix.matching.SearchUrls;
import org.triplehelix.shared.db.ExternalDatabase;

/** Starts the application for a command: the web platform for {@code serve}, the services alone for the rest. */
final class Platform {

    private Platform() {
    }

    /**
     * Made when the context starts though the services are lazy: Spring Modulith's event publication
     * table is created by a bean that nothing depends on, and the republication of outstanding events at
     * start reads that table.
     */
    private static final LazyInitializationExcludeFilter SCHEMAS = (name, definition, type) ->
            type != null && type.getName().equals("org.springframework.modulith.events.jdbc.DatabaseSchemaInitializer");

    /** The services without the web server, quiet on the terminal, no demo data. */
    static ConfigurableApplicationContext services(HelixCommand global) {
        return services(global, common(global, true), context -> { });
    }

    /**
     * The services for a command that never searches ({@code user}): every bean is made when first
     * asked for, so that the search index is neither opened nor created ({@code DATA/index}, or a
     * connection to {@code --search-url}), and a running serve's index is not met read-only.
     */
    static ConfigurableApplicationContext withoutSearch(HelixCommand global) {
        Map<String, Object> properties = common(global, false);
        properties.put("spring.main.lazy-initialization", "true");
        return services(global, properties, context -> context.getBeanFactory().registerSingleton("helixEagerSchemas", SCHEMAS));
    }

    private static ConfigurableApplicationContext services(HelixCommand global, Map<String, Object> properties,
                                                           ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
        properties.put("helix.demo.enabled", "false");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.org.triplehelix", "WARN");
        properties.put("logging.level.org.flywaydb", "ERROR"); // out-of-order mode warns on every start
        properties.put("helix.log-target", "System.err"); // standard output is the command's result (logback-spring.xml)
        ConfigurableApplicationContext services = new SpringApplicationBuilder(global.application())
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .initializers(initializer)
                .run(asArguments(properties));
        IndexCommand.Bar.endLineBeforeLogs(); // a warning logged during a task's progress bar starts a line of its own
        return services;
    }

    /** The web platform. */
    static ConfigurableApplicationContext web(HelixCommand global, Map<String, Object> extra) {
        return web(global, extra, true);
    }

    /**
     * The web platform; without Spring's shutdown hook when the command closes it from a hook of
     * its own (that has work to finish first on Ctrl-C, such as removing rows it wrote).
     */
    static ConfigurableApplicationContext web(HelixCommand global, Map<String, Object> extra, boolean shutdownHook) {
        Map<String, Object> properties = common(global, true);
        properties.putAll(extra);
        return new SpringApplicationBuilder(global.application())
                .web(WebApplicationType.SERVLET)
                .registerShutdownHook(shutdownHook)
                .run(asArguments(properties));
    }

    private static Map<String, Object> common(HelixCommand global, boolean search) {
        if (global.searchUrl() != null && search) {
            // before anything starts or is created: a cluster that is down or a wrong URL is then one line, not a failed start's stack traces
            SearchUrls.check(global.searchUrl(), System::getenv);
        } else if (global.searchUrl() != null) {
            SearchUrls.parse(global.searchUrl()); // a mistyped URL is still told, though this command does not use it
        }
        if (global.dbUrl() != null) {
            // before Spring starts: a wrong password or a missing database is then one line, not a failed start's stack traces
            ExternalDatabase.fromEnvironment(global.dbUrl()).check(global.data());
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("helix.data", global.data().toAbsolutePath().normalize().toString());
        if (global.dbUrl() != null) {
            properties.put("helix.db-url", global.dbUrl());
            properties.put("helix.db-checked", "true"); // checked above: the data source need not connect once more for it
        }
        if (global.searchUrl() != null) {
            properties.put("helix.search-url", global.searchUrl());
        }
        return properties;
    }

    /** As command-line arguments, which take precedence over application.properties. */
    private static String[] asArguments(Map<String, Object> properties) {
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    /**
     * The message of the innermost cause, for a one-line error on the terminal. A file that cannot be
     * opened or written says why: Java's own message for it is the bare path.
     */
    static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof FileSystemException file) {
            return describe(file);
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    private static String describe(FileSystemException e) {
        String why = switch (e) {
            case NoSuchFileException missing -> "no such file or directory";
            case AccessDeniedException denied -> "permission denied";
            case NotDirectoryException notDirectory -> "not a directory";
            case FileAlreadyExistsException exists -> "already exists";
            default -> e.getReason() == null ? "cannot be read or written" : e.getReason();
        };
        return e.getFile() + ": " + why + (e.getOtherFile() == null ? "" : " (" + e.getOtherFile() + ")");
    }
}
