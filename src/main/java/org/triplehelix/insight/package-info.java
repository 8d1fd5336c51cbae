/**
 * Insight: the province's indicators computed from the records, each clicking through to the
 * records it counts; dashboards (overview with targets and trends, the Hubei map, the
 * collaboration network, industry groups), annual briefings (XLSX, PDF), CSV and the JSON API.
 *
 * <p>Indicators are declared, not coded: every {@code classpath*:indicators/*.sql} file is one
 * indicator (see {@code INDICATORS.md} in the docs, {@link org.triplehelix.insight.IndicatorDeclarations}).
 * Other modules ship their own files and never depend on this module. The declared statements are
 * run by {@link org.triplehelix.insight.InsightSummaries} into summary tables (facts and a cube),
 * at start-up and, debounced, after changes; pages and the API read the summaries only.
 *
 * <p>Depends on registry, access, matching and facility (their tables, through the declarations);
 * nothing depends on it but the command line.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.insight;
