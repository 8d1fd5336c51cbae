package org.triplehelix.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triplehelix.shared.HelixProperties;

/** The one data source: the embedded PostgreSQL under {@code helix.data}, or the server at {@code helix.db-url}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HelixProperties.class)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${helix.db-url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgres(HelixProperties properties, @Value("${helix.serving:false}") boolean serving) {
        return EmbeddedPostgresServer.start(properties.data(), serving);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(HelixProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded,
                                @Value("${helix.db-checked:false}") boolean checked) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("helix");
        config.setMaximumPoolSize(24); // web requests, the async event listeners (8 threads, some needing a second connection) and the background workers
        config.setConnectionTimeout(10_000); // while the database is down, a request fails within 10 s instead of 30
        if (properties.dbUrl() == null) {
            config.setJdbcUrl(embedded.getObject().jdbcUrl());
            config.setUsername("postgres");
        } else {
            ExternalDatabase external = ExternalDatabase.fromEnvironment(properties.dbUrl());
            if (!checked) { // the command line checks before Spring starts, to say a mistake in one line (cli.Platform)
                external.check(properties.data());
            }
            config.setJdbcUrl(external.url());
            config.setUsername(external.user());
            config.setPassword(external.password());
        }
        return new HikariDataSource(config);
    }
}
