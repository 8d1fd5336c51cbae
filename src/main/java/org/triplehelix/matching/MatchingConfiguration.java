package org.triplehelix.matching;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.triplehelix.matching.demand.AlertProperties;
import org.triplehelix.matching.ranking.RankingProperties;

/** Matching's settings; asynchronous listeners (the index follows registry changes after their commit). */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableConfigurationProperties({RankingProperties.class, AlertProperties.class})
class MatchingConfiguration {
}
