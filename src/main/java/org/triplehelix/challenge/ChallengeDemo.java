package org.triplehelix.challenge;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.triplehelix.registry.DemoReady;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.triplehelix.access.Account;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.NewAccount;
import org.triplehelix.access.Role;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.AuditableChange;

/**
 * The demo of the challenges (illustrative, labelled 示例): once the registry's demo is in, six
 * challenges for the region's key core technologies in different states — open, under review,
 * in progress (on track and at risk), accepted, closed — posted by the department or by demo
 * enterprises, taken on by consortia of demo enterprises and laboratories with real Hubei
 * universities (华中科技大学, 武汉大学, 武汉科技大学). The calls, transitions and applications go
 * through the services (audited as {@code system}); the reviewers' scores and the teams' progress
 * reports, which need a signed-in reviewer or team member, are written directly for demo
 * reviewer accounts that are disabled, with random passwords nobody knows, and the dates are
 * moved into the past so that the milestones have a history. Runs once.
 */
@Component
class ChallengeDemo {

    private static final Logger log = LoggerFactory.getLogger(ChallengeDemo.class);
    static final String LABEL = "示例数据 / Illustrative: ";

    private final JdbcClient jdbc;
    private final Challenges challenges;
    private final Applications applications;
    private final Reviews reviews;
    private final Delivery delivery;
    private final UserAccounts accounts;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    ChallengeDemo(JdbcClient jdbc, Challenges challenges, Applications applications, Reviews reviews, Delivery delivery, UserAccounts accounts,
                  DataScope scope, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                  @Value("${helix.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.challenges = challenges;
        this.applications = applications;
        this.reviews = reviews;
        this.delivery = delivery;
        this.accounts = accounts;
        this.scope = scope;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
    }

    /** Once the registry's demo is in (the organizations the challenges name): the challenges, unless they are there. */
    @EventListener
    void on(DemoReady ready) {
        if (!enabled || seeded() || !ready()) {
            return;
        }
        try {
            int made = scope.asSystem(() -> transaction.execute(status -> seed()));
            log.info("Challenge demo: {} illustrative challenges", made);
        } catch (RuntimeException e) {
            log.error("The challenge demo failed: {}", e.getMessage(), e);
        }
    }

    boolean seeded() {
        return jdbc.sql("select exists (select 1 from challenge where ext_id like 'demo-ch-%')").query(Boolean.class).single();
    }

    /** The organizations the demo links to are in (the registry's demo import runs in the background). */
    boolean ready() {
        return jdbc.sql("select count(*) from organization where ext_id = any(:ids)")
                .param("ids", new String[] {"demo-ent-01", "demo-ent-06", "demo-ent-13", "demo-hblab-optoelectronics", "demo-hblab-materials",
                        "moe-4142010486", "moe-4142010487", "moe-4142010488"})
                .query(Long.class).single() == 8;
    }

    /** The six challenges; the number made. */
    int seed() {
        List<Long> reviewers = List.of(reviewer(1, "demo-hblab-hydrogen"), reviewer(2, "demo-rd-wh-ai"), reviewer(3, "demo-mf-magnet"));
        LocalDate today = LocalDate.now(Challenges.ZONE);

        // open: an enterprise's own call with its reward
        String open = call("demo-ch-01", "kct-03", "三维闪存存储芯片高深宽比刻蚀工艺", "High-aspect-ratio etching for 3D NAND flash",
                "300 层以上三维闪存的沟道孔刻蚀深宽比与均匀性不足，制约良率。", "Channel-hole etching beyond 300 layers lacks aspect ratio and uniformity, limiting yield.",
                "enterprise", "demo-ent-02", "8000000", 24, "enterprise_and_academic",
                List.of(target("刻蚀深宽比", ":1", "80", true), target("片内均匀性偏差", "%", "3", false)));
        challenges.perform(open, ChallengeAction.PUBLISH);

        // another open call of the department
        String hydrogen = call("demo-ch-02", "kct-28", "兆瓦级碱性电解水制氢电堆", "Megawatt alkaline water electrolysis stacks",
                "大功率电解槽在波动电源下的效率与寿命不足。", "Large electrolysers lose efficiency and life on fluctuating renewable power.",
                "department", null, "20000000", 36, "enterprise_and_academic",
                List.of(target("直流电耗", "kWh/Nm³", "4.2", false), target("负荷调节范围", "%", "20", false)));
        challenges.perform(hydrogen, ChallengeAction.PUBLISH);

        // under review, two consortia scored
        String sic = call("demo-ch-03", "kct-06", "车规级 1200V 碳化硅 MOSFET 芯片", "Automotive 1200 V SiC MOSFET chips",
                "车规级碳化硅芯片的栅氧可靠性与导通电阻一致性亟待突破。", "Gate-oxide reliability and on-resistance consistency of automotive SiC chips.",
                "department", null, "15000000", 30, "enterprise_and_academic",
                List.of(target("比导通电阻", "mΩ·cm²", "3.5", false), target("高温栅偏寿命", "h", "1000", true)));
        challenges.perform(sic, ChallengeAction.PUBLISH);
        long sicA = apply(sic, "demo-ent-05", List.of("moe-4142010486"), "沟槽栅结构与高温氧化工艺联合攻关。", "3.2", "1200");
        long sicB = apply(sic, "demo-ent-07", List.of("moe-4142010488"), "平面栅优化与封装协同设计。", "3.6", "1000");
        panel(sic, reviewers);
        challenges.perform(sic, ChallengeAction.START_REVIEW);
        score(sicA, reviewers, 88, "结构创新明显，可靠性验证方案完整。");
        score(sicB, reviewers, 72, "导通电阻承诺未达到指标，建议加强器件设计。");

        // in progress and on track
        String optics = call("demo-ch-04", "kct-01", "800G 硅基相干光收发芯片", "800G silicon coherent optical transceiver chips",
                "高速相干光收发芯片依赖进口，需突破调制器带宽与集成封装。", "Coherent transceiver chips are imported; modulator bandwidth and co-packaging must be mastered.",
                "department", null, "30000000", 36, "enterprise_and_academic",
                List.of(target("单波速率", "Gb/s", "200", true), target("功耗", "pJ/bit", "5", false)));
        challenges.perform(optics, ChallengeAction.PUBLISH);
        long opticsA = apply(optics, "demo-ent-01", List.of("moe-4142010487", "demo-hblab-optoelectronics"), "薄膜铌酸锂调制器与硅光集成。", "224", "4.5");
        long opticsB = apply(optics, "demo-ent-03", List.of("moe-4142010486"), "磷化铟单片集成路线。", "200", "5");
        panel(optics, reviewers);
        challenges.perform(optics, ChallengeAction.START_REVIEW);
        score(opticsA, reviewers, 91, "技术路线先进，团队产学研结合紧密。");
        score(opticsB, reviewers, 80, "路线成熟但功耗承诺仅达门槛。");
        award(optics, opticsA, today.minusMonths(5), List.of(
                milestone("调制器样片", "带宽 ≥ 110 GHz 的调制器样片与测试报告", today.minusMonths(1), "8000000"),
                milestone("收发芯片流片", "800G 收发芯片样片", today.plusMonths(7), "12000000"),
                milestone("系统验证", "现网试验报告", today.plusMonths(19), "10000000")));
        report(optics, 1, 100, "调制器样片带宽 118 GHz，第三方测试完成。", today.minusMonths(1));
        report(optics, 2, 45, "版图完成，等待多项目晶圆流片。", today.minusDays(10));

        // in progress and at risk
        String battery = call("demo-ch-05", "kct-07", "高安全 400Wh/kg 固态动力电池", "Safe 400 Wh/kg solid-state traction batteries",
                "高比能电池热失控风险高，固态电解质界面阻抗大。", "High-energy cells risk thermal runaway; solid electrolyte interfaces are resistive.",
                "enterprise", "demo-ent-06", "12000000", 24, "enterprise_and_academic",
                List.of(target("单体能量密度", "Wh/kg", "400", true), target("循环寿命", "次", "1000", true)));
        challenges.perform(battery, ChallengeAction.PUBLISH);
        // the sponsor (a battery maker) poses the problem; a materials enterprise with a university and a laboratory solves it
        long batteryA = apply(battery, "demo-ent-13", List.of("moe-4142010487", "demo-hblab-hydrogen"), "硫化物固态电解质与干法电极。", "410", "1200");
        challenges.perform(battery, ChallengeAction.START_REVIEW);
        award(battery, batteryA, today.minusMonths(8), List.of(
                milestone("电解质中试", "吨级硫化物电解质中试线", today.plusDays(10), "5000000"),
                milestone("电芯定型", "400Wh/kg 电芯与安全测试报告", today.plusMonths(12), "7000000")));
        report(battery, 1, 35, "中试线设备到货延迟，产能未达预期。", today.minusDays(20));

        // accepted
        String fibre = call("demo-ch-06", "kct-17", "T1100 级高性能碳纤维工程化", "Engineering T1100-grade carbon fibre",
                "高强中模碳纤维的原丝与碳化工艺尚未工程化。", "Precursor and carbonisation of high-strength fibre are not yet engineered.",
                "department", null, "25000000", 24, "enterprise_and_academic",
                List.of(target("拉伸强度", "GPa", "6.6", true), target("拉伸模量", "GPa", "320", true)));
        challenges.perform(fibre, ChallengeAction.PUBLISH);
        long fibreA = apply(fibre, "demo-ent-12", List.of("moe-4142010488", "demo-hblab-materials"), "干喷湿纺原丝与高温碳化工艺。", "6.8", "324");
        challenges.perform(fibre, ChallengeAction.START_REVIEW);
        award(fibre, fibreA, today.minusMonths(26), List.of(
                milestone("原丝中试", "百吨级原丝中试", today.minusMonths(14), "10000000"),
                milestone("碳化线投产", "千吨级碳化线与产品检测报告", today.minusMonths(2), "15000000")));
        report(fibre, 1, 100, "原丝中试完成。", today.minusMonths(14));
        report(fibre, 2, 100, "碳化线投产，产品检测合格。", today.minusMonths(2));
        challenges.perform(fibre, ChallengeAction.START);
        delivery.accept(fibre, new AcceptanceInput("pass", LABEL + "各项指标经第三方检测全部达到。", List.of(
                new AcceptanceInput.Evidence(1, new BigDecimal("6.9"), LABEL + "第三方检测报告"),
                new AcceptanceInput.Evidence(2, new BigDecimal("326"), LABEL + "第三方检测报告"))));

        challenges.perform(optics, ChallengeAction.START);
        challenges.perform(battery, ChallengeAction.START);
        jdbc.sql("""
                        update challenge set deadline = coalesce(awarded_at - interval '30 days', now() - interval '3 days')
                        where ext_id like 'demo-ch-%' and status <> 'published'
                        """).update();
        events.publishEvent(new AuditableChange("import", "challenge", "demo-ch-*", null, Map.of("challenges", 6, "illustrative", true)));
        return 6;
    }

    private String call(String extId, String technology, String titleZh, String titleEn, String problemZh, String problemEn, String sponsorKind,
                        String sponsor, String budget, int months, String eligibility, List<Target> targets) {
        ChallengeDraft draft = new ChallengeDraft(titleZh + "（示例）", titleEn + " (illustrative)", LABEL + problemZh, LABEL + problemEn,
                technology, null, new BigDecimal(budget), months, eligibility, "成果归揭榜方所有，发榜方享有优先实施许可。",
                Instant.now().plus(45, ChronoUnit.DAYS), targets, null);
        Long sponsorId = sponsor == null ? null
                : jdbc.sql("select id from organization where ext_id = :e").param("e", sponsor).query(Long.class).single();
        challenges.seed(extId, draft, sponsorKind, sponsorId);
        return extId;
    }

    private static Target target(String indicator, String unit, String threshold, boolean higher) {
        return new Target(null, 0, indicator, unit, new BigDecimal(threshold), higher);
    }

    private long apply(String extId, String lead, List<String> partners, String plan, String first, String second) {
        return applications.apply(extId, new ApplicationDraft(lead, partners, List.of(), LABEL + plan,
                Map.of(1, new BigDecimal(first), 2, new BigDecimal(second)))).id();
    }

    private long reviewer(int n, String organization) {
        String email = "demo-reviewer-%02d@demo.invalid".formatted(n);
        Account account = accounts.findByEmail(email).orElseGet(() -> {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Account created = accounts.create(new NewAccount(email, "示例评审专家 %02d（示例）".formatted(n), Set.of(Role.REVIEWER), organization, null),
                    Base64.getUrlEncoder().encodeToString(secret));
            return accounts.disable(created.id());
        });
        return account.id();
    }

    /** The demo reviewers are disabled (no one signs in as them), so they join the panel directly. */
    private void panel(String extId, List<Long> reviewers) {
        long id = challenges.idOf(extId);
        reviewers.forEach(r -> jdbc.sql("insert into challenge_reviewer (challenge_id, user_id) values (:c, :u) on conflict do nothing")
                .param("c", id).param("u", r).update());
    }

    private void score(long application, List<Long> reviewers, int merit, String comment) {
        int offset = 0;
        for (long reviewer : reviewers) {
            Map<String, Integer> scores = Map.of("merit", merit - offset, "team", merit - 4 - offset, "feasibility", merit - 2, "budget", 80);
            jdbc.sql("""
                            insert into review_score (application_id, reviewer_user_id, scores, total, comment)
                            values (:a, :u, cast(:s as jsonb), :t, :c) on conflict do nothing
                            """).param("a", application).param("u", reviewer)
                    .param("s", "{\"merit\": %d, \"team\": %d, \"feasibility\": %d, \"budget\": 80}".formatted(merit - offset, merit - 4 - offset, merit - 2))
                    .param("t", Reviews.total(Criterion.DEFAULT, scores)).param("c", LABEL + comment).update();
            offset += 3;
        }
    }

    private void award(String extId, long application, LocalDate awardedOn, List<MilestoneDraft> milestones) {
        reviews.award(extId, new AwardInput(application, LABEL + "综合评分第一，技术路线与团队能力最优。", milestones), awardedOn);
        jdbc.sql("update challenge set awarded_at = :at, published_at = cast(:at as timestamptz) - interval '90 days' where ext_id = :e")
                .param("at", java.sql.Timestamp.from(awardedOn.atStartOfDay(Challenges.ZONE).toInstant())).param("e", extId).update();
    }

    private static MilestoneDraft milestone(String title, String deliverable, LocalDate due, String tranche) {
        return new MilestoneDraft(title, deliverable, due, new BigDecimal(tranche));
    }

    private void report(String extId, int position, int progress, String note, LocalDate on) {
        jdbc.sql("""
                        insert into milestone_report (milestone_id, progress, note, reported_at)
                        select m.id, :p, :n, :at from milestone m join challenge c on c.id = m.challenge_id
                        where c.ext_id = :e and m.position = :pos
                        """).param("p", progress).param("n", LABEL + note)
                .param("at", java.sql.Timestamp.from(on.atTime(10, 0).atZone(Challenges.ZONE).toInstant()))
                .param("e", extId).param("pos", position).update();
    }
}
