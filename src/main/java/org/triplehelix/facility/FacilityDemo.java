package org.triplehelix.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.triplehelix.shared.Text;

/**
 * The demo of the facilities (illustrative, labelled 示例): once the registry's demo has put its
 * facilities in ({@code demo-…} ids, loaded in the background at start-up), each gets a profile
 * (place, model, capabilities, rates, rules, opening hours) and about three months of bookings
 * up to today, completed with confirmed usage, plus approved and pending ones for the next four
 * weeks, so that the calendars, statements and indicators show something real. The bookers are
 * demo accounts (a dozen from demo enterprises and laboratories, and one researcher of each
 * owning organization for internal use), disabled, with random passwords nobody knows (there is
 * no default credential). Runs once: facilities that have a profile are left alone. Deterministic for a
 * given day (seeded by the facility's id).
 */
@Component
class FacilityDemo {

    private static final Logger log = LoggerFactory.getLogger(FacilityDemo.class);
    static final int BOOKERS = 12;

    private final JdbcClient jdbc;
    private final CatalogRepository catalog;
    private final UserAccounts accounts;
    private final DataScope scope;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final boolean enabled;

    FacilityDemo(JdbcClient jdbc, CatalogRepository catalog, UserAccounts accounts, DataScope scope,
                 ApplicationEventPublisher events, PlatformTransactionManager transactions,
                 @Value("${helix.demo.enabled:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.scope = scope;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.enabled = enabled;
    }

    /** Once the registry's demo facilities are in: profiles and bookings for those that have none. */
    @EventListener
    void on(DemoReady ready) {
        if (!enabled || profiled() > 0) {
            return;
        }
        try {
            List<Long> facilities = demoFacilities();
            if (facilities.isEmpty()) {
                return; // the registry holds someone's own data, not the demo: no demo bookers either
            }
            int bookings = seed(facilities, LocalDate.now(FacilityTime.ZONE));
            log.info("Facility demo: {} profiles, {} bookings", facilities.size(), bookings);
        } catch (RuntimeException e) {
            log.error("The facility demo failed: {}", e.getMessage(), e);
        }
    }

    private long profiled() {
        return jdbc.sql("select count(*) from facility_profile p join facility f on f.id = p.facility_id where f.ext_id like 'demo-%'")
                .query(Long.class).single();
    }

    private List<Long> demoFacilities() {
        return jdbc.sql("""
                        select f.id from facility f where f.ext_id like 'demo-%'
                        and not exists (select 1 from facility_profile p where p.facility_id = f.id) order by f.id
                        """)
                .query(Long.class).list();
    }

    /** Profiles and bookings for these facilities (those without a profile); the number of bookings made. */
    int seed(List<Long> facilityIds, LocalDate today) {
        return scope.asSystem(() -> transaction.execute(status -> {
            List<Booker> bookers = bookers();
            Map<Long, Booker> internal = new java.util.HashMap<>();
            int made = 0;
            int profiles = 0;
            for (long id : facilityIds) {
                Instrument instrument = catalog.findById(id).orElseThrow();
                if (instrument.profile().stored()) {
                    continue;
                }
                Random random = new Random(id * 7919L + today.toEpochDay());
                FacilityProfile profile = profile(instrument, random);
                catalog.saveProfile(id, profile);
                profiles++;
                Instrument profiled = catalog.findById(id).orElseThrow();
                Booker own = profiled.organizationId() == null ? null
                        : internal.computeIfAbsent(profiled.organizationId(), org -> booker(
                                "demo-researcher-" + org + "@demo.invalid", "示例科研人员 " + org + "（示例）", Role.RESEARCHER,
                                profiled.organizationExtId()));
                made += bookings(profiled, bookers, own, random, today);
            }
            events.publishEvent(new AuditableChange("import", "booking", "demo", null,
                    Map.of("profiles", profiles, "bookings", made, "illustrative", true)));
            return made;
        }));
    }

    // --- profiles -------------------------------------------------------------------------------

    private static FacilityProfile profile(Instrument instrument, Random random) {
        boolean major = "major_facility".equals(instrument.type());
        String text = instrument.name().both() + " " + String.join(" ", instrument.keywords());
        boolean perSample = !major && (text.contains("测序") || text.contains("质谱") || text.contains("色谱") || text.contains("sequenc"));
        boolean training = !major && (text.contains("电子显微") || text.contains("电镜") || text.contains("光刻") || text.contains("磁共振")
                || text.contains("生物安全") || text.contains("外延") || random.nextInt(5) == 0);
        int hourly = major ? 500 + random.nextInt(11) * 100 : 150 + random.nextInt(24) * 25;
        int base = perSample ? 60 + random.nextInt(12) * 20 : hourly;
        BigDecimal internal = BigDecimal.valueOf(base).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal external = internal.multiply(BigDecimal.valueOf(2 + random.nextInt(3) * 0.25)).setScale(2, RoundingMode.HALF_UP);
        String orgZh = instrument.organizationName() == null ? "" : instrument.organizationName().zh() == null ? "" : instrument.organizationName().zh();
        String orgEn = instrument.organizationName() == null ? "" : instrument.organizationName().en() == null ? "" : instrument.organizationName().en();
        int floor = 1 + random.nextInt(6);
        Text location = new Text("示例地点：" + orgZh + " 实验楼 " + floor + " 层", "Illustrative: " + orgEn + ", lab building, floor " + floor);
        String model = "示例型号 " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + "-" + (100 + random.nextInt(900));
        OpeningHours hours = major ? OpeningHours.aroundTheClock()
                : random.nextInt(4) == 0 ? saturdaysToo() : OpeningHours.standard();
        BookingRules rules = new BookingRules(60, major ? 1440 : 480, 60, 60, 90, random.nextInt(5) != 0, training, hours);
        return new FacilityProfile(location, model, "示例厂商 Illustrative Instruments",
                instrument.description(), new FeeSchedule(perSample ? FeeUnit.SAMPLE : FeeUnit.HOUR, internal, external),
                rules, true, 0);
    }

    private static OpeningHours saturdaysToo() {
        Map<DayOfWeek, OpeningHours.Hours> days = new LinkedHashMap<>(OpeningHours.weekdays(OpeningHours.Hours.of("08:30", "20:30")).days());
        days.put(DayOfWeek.SATURDAY, OpeningHours.Hours.of("09:00", "17:00"));
        return new OpeningHours(new java.util.EnumMap<>(days));
    }

    // --- bookers --------------------------------------------------------------------------------

    private record Booker(long id, Long organizationId) {
    }

    /** Demo accounts: enterprise users of the demo enterprises and researchers of the demo laboratories; disabled. */
    private List<Booker> bookers() {
        List<String> enterprises = organizations("demo-ent-%", 8);
        List<String> laboratories = organizations("demo-hblab-%", BOOKERS - enterprises.size());
        List<Booker> bookers = new ArrayList<>();
        for (int i = 0; i < BOOKERS; i++) {
            boolean enterprise = i < enterprises.size() || laboratories.isEmpty();
            String organization = enterprise ? (enterprises.isEmpty() ? null : enterprises.get(i % enterprises.size()))
                    : laboratories.get((i - enterprises.size()) % laboratories.size());
            bookers.add(booker("demo-booker-%02d@demo.invalid".formatted(i + 1), "示例用户 %02d（示例）".formatted(i + 1),
                    enterprise ? Role.ENTERPRISE : Role.RESEARCHER, organization));
        }
        return bookers;
    }

    private List<String> organizations(String pattern, int limit) {
        return jdbc.sql("select ext_id from organization where ext_id like :p order by ext_id limit :n")
                .param("p", pattern).param("n", Math.max(limit, 0)).query(String.class).list();
    }

    private Booker booker(String email, String name, Role role, String organizationExtId) {
        Account account = accounts.findByEmail(email).orElseGet(() -> {
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            Account created = accounts.create(new NewAccount(email, name, Set.of(role), organizationExtId, null),
                    Base64.getUrlEncoder().encodeToString(secret));
            return accounts.disable(created.id());
        });
        return new Booker(account.id(), account.organizationId());
    }

    // --- bookings -------------------------------------------------------------------------------

    /**
     * About 45% of open days booked, one or two bookings a day, from three months back to four
     * weeks ahead; about half by the owning organization's own researcher (internal use).
     */
    private int bookings(Instrument instrument, List<Booker> bookers, Booker own, Random random, LocalDate today) {
        int made = 0;
        LocalDate first = today.minusMonths(3).withDayOfMonth(1);
        LocalDate last = today.plusWeeks(4);
        Instant now = Instant.now();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            OpeningHours.Hours open = instrument.rules().openingHours().on(day.getDayOfWeek());
            if (open == null || random.nextInt(100) >= 45) {
                continue;
            }
            int minute = open.opens() + 30 * random.nextInt(3);
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                int length = 60 * (2 + random.nextInt(3));
                if (minute + length > open.closes()) {
                    break;
                }
                ZonedDateTime start = day.atStartOfDay(FacilityTime.ZONE).plusMinutes(minute);
                TimeSlot slot = new TimeSlot(start.toInstant(), start.plusMinutes(length).toInstant());
                if (!slot.start().isAfter(now) && slot.end().isAfter(now)) {
                    break;
                }
                Booker booker = own != null && random.nextInt(100) < 50 ? own : bookers.get(random.nextInt(bookers.size()));
                insert(instrument, booker, slot, random, now);
                made++;
                minute += length + 30 * random.nextInt(4);
            }
        }
        return made;
    }

    private void insert(Instrument instrument, Booker booker, TimeSlot slot, Random random, Instant now) {
        RateClass rateClass = catalog.withinOrganization(booker.organizationId(), instrument.organizationId())
                ? RateClass.INTERNAL : RateClass.EXTERNAL;
        boolean past = slot.end().isBefore(now);
        int roll = random.nextInt(100);
        String status = past ? (roll < 90 ? "completed" : roll < 93 ? "no_show" : "cancelled")
                : (roll < 75 || !instrument.rules().approvalRequired() ? "approved" : "pending");
        Usage usage = null;
        Charge charge = null;
        if (status.equals("completed")) {
            BigDecimal hours = Usage.hoursOf(slot.duration().minusMinutes(15L * random.nextInt(3)));
            usage = new Usage(hours, instrument.fees().unit() == FeeUnit.SAMPLE ? 2 + random.nextInt(19) : null);
            charge = instrument.fees().charge(rateClass, usage);
        }
        jdbc.sql("""
                        insert into booking (facility_id, user_id, organization_id, period, status, purpose, rate_class,
                            actual_start, actual_end, used_hours, used_samples, fee_unit, unit_rate, fee, usage_confirmed_at,
                            decided_at, note)
                        values (:f, :u, :o, tstzrange(:start, :end, '[)'), :status, :purpose, :rateClass, :actualStart, :actualEnd,
                            :hours, :samples, :unit, :rate, :fee, :confirmed, :decided, :note)
                        """)
                .param("f", instrument.id()).param("u", booker.id()).param("o", booker.organizationId())
                .param("start", Db.ts(slot.start())).param("end", Db.ts(slot.end())).param("status", status)
                .param("purpose", "示例数据 / Illustrative booking").param("rateClass", rateClass.code())
                .param("actualStart", usage == null ? null : Db.ts(slot.start()))
                .param("actualEnd", usage == null ? null : Db.ts(slot.end()))
                .param("hours", usage == null ? null : usage.hours()).param("samples", usage == null ? null : usage.samples())
                .param("unit", charge == null ? null : charge.unit().code()).param("rate", charge == null ? null : charge.unitRate())
                .param("fee", charge == null ? null : charge.amount()).param("confirmed", usage == null ? null : Db.ts(slot.end()))
                .param("decided", status.equals("pending") ? null : Db.ts(slot.start().minus(Duration.ofDays(2))))
                .param("note", status.equals("cancelled") ? "示例：用户取消" : null)
                .update();
    }
}
