package org.triplehelix.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The format of an indicator file: a good declaration is read whole; a broken one is refused with the file and the reason. */
class IndicatorDeclarationsTests {

    static final String GOOD = """
            -- code: challenge.by-status
            -- module: challenge
            -- name.zh: 关键核心技术攻关榜单
            -- name.en: Key core technology challenges
            -- definition.zh: 已发布的攻关榜单数，按状态分。
            -- definition.en: Challenges that have been published, by status.
            -- unit.zh: 项
            -- unit.en: challenges
            -- breakdowns: region, tier, industry_group, industry, year, category
            -- category.zh: 状态
            -- category.en: Status
            -- targets: 2025=20, 2026=29.5
            -- order: 40
            select c.ext_id as record_id from challenge c where c.status <> 'draft' and c.title::text like '%:x%'
            """;

    @Test
    void readsEveryHeaderAndTheStatement() {
        Indicator indicator = IndicatorDeclarations.parse("challenge.by-status.sql", GOOD);

        assertThat(indicator.code()).isEqualTo("challenge.by-status");
        assertThat(indicator.module()).isEqualTo("challenge");
        assertThat(indicator.name().zh()).isEqualTo("关键核心技术攻关榜单");
        assertThat(indicator.unit().en()).isEqualTo("challenges");
        assertThat(indicator.breakdowns()).containsExactly(Dimension.REGION, Dimension.TIER, Dimension.INDUSTRY_GROUP,
                Dimension.INDUSTRY, Dimension.YEAR, Dimension.CATEGORY);
        assertThat(indicator.categoryLabel().en()).isEqualTo("Status");
        assertThat(indicator.targets()).isEqualTo(Map.of(2025, new BigDecimal("20"), 2026, new BigDecimal("29.5")));
        assertThat(indicator.order()).isEqualTo(40);
        assertThat(indicator.measure()).isEqualTo(Indicator.Measure.COUNT);
        assertThat(indicator.statement()).startsWith("select c.ext_id").doesNotContain("--");
        assertThat(indicator.breaksDownBy(Dimension.PROVINCE)).as("region implies province").isTrue();
    }

    @Test
    void refusesBrokenDeclarationsWithTheFileAndTheReason() {
        refused("challenge.by-status.sql", GOOD.replace("-- name.en: Key core technology challenges\n", ""), "'name.en' is missing");
        refused("other.sql", GOOD, "named challenge.by-status.sql");
        refused("Bad Code.sql", GOOD.replace("code: challenge.by-status", "code: Bad Code"), "is not lower case");
        refused("challenge.by-status.sql", GOOD.replace("region, tier", "region, colour"), "unknown breakdown 'colour'");
        refused("challenge.by-status.sql", GOOD.replace("-- category.en: Status\n", ""), "needs 'category.zh' and 'category.en'");
        refused("challenge.by-status.sql", GOOD.replace("2025=20", "2025:20"), "is not YEAR=NUMBER");
        refused("challenge.by-status.sql", GOOD.replace("order: 40", "order: first"), "is not a whole number");
        refused("challenge.by-status.sql", GOOD.replace("-- order: 40", "-- order: 40\n-- measure: average"), "neither count nor sum");
        refused("challenge.by-status.sql", GOOD.replace("'draft'", "'draft';"), "contains ';'");
        refused("challenge.by-status.sql", GOOD.replace("'draft'", ":status"), "has a parameter");
        refused("challenge.by-status.sql", GOOD.replace("where", "-- note\nwhere"), "contains a comment");
        refused("challenge.by-status.sql", GOOD.replace("select c.ext_id", "delete from challenge; select c.ext_id"), "does not start with SELECT");
        refused("challenge.by-status.sql", GOOD.replace("-- unit.zh: 项", "-- unit.zh: 项\n-- colour: red"), "unknown header 'colour'");
        refused("challenge.by-status.sql", GOOD.replace("-- order: 40", "-- order: 40\n-- order: 41"), "given twice");
        refused("challenge.by-status.sql", GOOD.substring(0, GOOD.indexOf("select")), "no statement");
    }

    private static void refused(String file, String content, String reason) {
        assertThatThrownBy(() -> IndicatorDeclarations.parse(file, content))
                .isInstanceOf(InvalidDeclarationException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(reason);
    }
}
