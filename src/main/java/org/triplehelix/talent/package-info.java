/**
 * Talent: joint enterprise–university engineering programs (卓越工程师 → joint engineering
 * program) for master's and doctoral students, each student with an academic mentor (a university
 * researcher) and an industrial mentor (an enterprise engineer); thesis topics posted by
 * enterprises and matched to students by {@link org.triplehelix.matching.TextSimilarity}; practice
 * hours logged by the student and approved by the industrial mentor; milestones; outcomes as
 * registry outputs (through {@link org.triplehelix.registry.RegistryWriter}); and the supply of
 * graduates set against the needs enterprises declare, by industry group, industry and prefecture
 * (the {@code talent_gap_record} view, migrations {@code db/migration/talent/V7_x}).
 *
 * <p>Public services: {@link org.triplehelix.talent.Programs} (programs and students),
 * {@link org.triplehelix.talent.Practice} (hours, milestones, outcomes),
 * {@link org.triplehelix.talent.Topics}, {@link org.triplehelix.talent.Needs} (needs, university
 * figures, the discipline–industry crosswalk), {@link org.triplehelix.talent.TalentGap} and
 * {@link org.triplehelix.talent.TalentImport}. Every check is in these services, through
 * {@link org.triplehelix.access.DataScope}.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.talent;
