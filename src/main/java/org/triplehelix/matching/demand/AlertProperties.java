package org.triplehelix.matching.demand;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code helix.matching.alerts.*}: how many of those who fit a newly open demand are told of it, and
 * the evidence a hit needs to be told (see {@link AlertEvidence}; docs/matching.md, Demand alerts).
 * Both counts 0 switch alerts off.
 *
 * @param persons       the first people who fit (their linked user accounts are told)
 * @param organizations the first organizations who fit (the users who act for them are told)
 * @param similarity    semantic evidence: the least cosine between the demand and one of the hit's texts
 * @param coverage      lexical evidence: the least share of the demand's title found in the hit's texts
 */
@ConfigurationProperties("helix.matching.alerts")
public record AlertProperties(
        @DefaultValue("5") int persons,
        @DefaultValue("3") int organizations,
        @DefaultValue("0.75") double similarity,
        @DefaultValue("0.25") double coverage) {

    public AlertProperties {
        if (persons < 0 || organizations < 0) {
            throw new IllegalArgumentException("helix.matching.alerts.persons and .organizations are 0 (off) or more");
        }
    }

    boolean enabled() {
        return persons > 0 || organizations > 0;
    }
}
