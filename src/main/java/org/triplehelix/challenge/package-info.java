/**
 * Challenges: the key-core-technology program (揭榜挂帅 → challenge, 验收 → acceptance). A challenge
 * is posted by the department (ADMIN) for a key core technology or by an enterprise with its own
 * reward; it is published, consortia apply before the deadline, a panel without conflicts of
 * interest scores the applications against the rubric, the best is awarded, works through its
 * milestones and is accepted (or terminated) against the targets it pledged.
 *
 * <p>The life cycle is {@link org.triplehelix.challenge.ChallengeStatus}, guarded by
 * {@link org.triplehelix.challenge.Challenge}: an illegal transition is a 409. Every write is
 * audited; every check is in the services ({@link org.triplehelix.challenge.Challenges},
 * {@link org.triplehelix.challenge.Applications}, {@link org.triplehelix.challenge.Reviews},
 * {@link org.triplehelix.challenge.Delivery}) through {@link org.triplehelix.access.DataScope}.
 * Matching proposes capable teams and reviewers by expertise; the registry's organizations,
 * people and outputs decide conflicts of interest.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.challenge;
