package org.triplehelix.cli;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The synthetic rows of {@code helix bench nav}: a worst case for the counts on the navigation
 * links, written in bulk with SQL ({@code generate_series}), not through the services, so that a
 * million notices take seconds; no event is published and nothing is audited or indexed. Every row
 * is marked: accounts under the reserved domain {@value #DOMAIN} (RFC 2606: {@code .invalid} can
 * never be a real address), registry and module records with an {@code ext_id} starting with
 * {@value #PREFIX} (and {@code illustrative} where the table has it); the rest (notices, roles,
 * bookings, invitations, applications, practice hours, managers) hangs off those and goes with them.
 */
final class NavBenchData {

    static final String DOMAIN = "bench.invalid";
    static final String PREFIX = "bench-nav-";
    static final String MEASURED_EMAIL = "nav-measured@" + DOMAIN;

    private static final String SYNTHETIC_USER = "email like '%@" + DOMAIN + "'";
    private static final String SYNTHETIC = "ext_id like '" + PREFIX + "%'";

    /**
     * How much is written for a number of users. The measured user (one of the users) is an
     * ORG_ADMIN of an organization with {@link #UNITS} units, manages {@link #managed} instruments
     * and mentors {@link #measuredStudents} students; the other rows are the background the count
     * queries have to skip.
     */
    record Scale(int users, int noticesPerUser, int organizations, int challenges, int facilities, int managed,
                 int bookingsPerFacility, int students, int mentors, int measuredStudents, int hoursPerStudent) {

        static final int UNITS = 20;
        /** Invitations per challenge to the background organizations (one more goes to the measured subtree). */
        static final int INVITED = 9;

        static Scale of(int users, int noticesPerUser) {
            int students = Math.max(10, users / 5);
            int facilities = Math.max(5, users / 50);
            return new Scale(users, noticesPerUser, Math.max(INVITED, users / 50), Math.max(10, users / 33), facilities,
                    Math.min(10, facilities), 500, students, Math.max(2, students / 20), Math.min(20, students), 50);
        }
    }

    /** What one seeding wrote, for the report. */
    record Seeded(long users, long notices, long unread, long organizations, long challenges, long invitations,
                  long facilities, long bookings, long pendingBookings, long students, long hours, long pendingHours) {

        String describe() {
            return String.format(Locale.ROOT, "%,d users, %,d notices (%,d unread), %,d organizations, %,d challenges with %,d invitations, "
                            + "%,d instruments with %,d bookings (%,d pending), %,d students with %,d practice-hours entries (%,d pending)",
                    users, notices, unread, organizations, challenges, invitations, facilities, bookings, pendingBookings, students, hours,
                    pendingHours);
        }
    }

    private final JdbcClient jdbc;

    NavBenchData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the synthetic rows; the measured user signs in with {@code passwordHash}, as do (in principle) the others. */
    Seeded seed(Scale scale, String passwordHash) {
        organizations(scale);
        people(scale);
        users(scale, passwordHash);
        notices(scale);
        facilities(scale);
        challenges(scale);
        talent(scale);
        // As autovacuum would soon: the planner should see the tables as they are, not as they were.
        jdbc.sql("""
                analyze organization, person, app_user, user_role, notification, facility, facility_manager, booking,
                    challenge, challenge_invitation, challenge_application, application_member, talent_student, talent_practice_log
                """).update();
        return seeded();
    }

    private void organizations(Scale scale) {
        jdbc.sql("""
                insert into organization (ext_id, type, name_zh, name_en, illustrative)
                values ('bench-nav-org-root', 'enterprise', '基准测试合成企业', 'Bench synthetic enterprise', true)
                """).update();
        jdbc.sql("""
                insert into organization (ext_id, type, name_zh, name_en, parent_id, illustrative)
                select 'bench-nav-unit-' || n, 'enterprise', '基准测试合成部门 ' || n, 'Bench synthetic unit ' || n,
                       (select id from organization where ext_id = 'bench-nav-org-root'), true
                from generate_series(1, :units) n
                """).param("units", Scale.UNITS).update();
        // every third one a university (bench-nav-org-3 hosts the joint program)
        jdbc.sql("""
                insert into organization (ext_id, type, name_zh, name_en, illustrative)
                select 'bench-nav-org-' || n, (array['university', 'enterprise', 'research_institute'])[1 + n % 3],
                       '基准测试合成机构 ' || n, 'Bench synthetic organization ' || n, true
                from generate_series(1, :organizations) n
                """).param("organizations", scale.organizations()).update();
    }

    /** bench-nav-person-0 is the measured user's own profile, 1… the other mentors; then the students. */
    private void people(Scale scale) {
        jdbc.sql("""
                insert into person (ext_id, name_zh, name_en, organization_id, illustrative)
                select 'bench-nav-person-' || n, '基准测试合成导师 ' || n, 'Bench synthetic mentor ' || n,
                       (select id from organization where ext_id = 'bench-nav-org-root'), true
                from generate_series(0, :mentors) n
                """).param("mentors", scale.mentors()).update();
        jdbc.sql("""
                insert into person (ext_id, name_zh, name_en, organization_id, illustrative)
                select 'bench-nav-student-' || n, '基准测试合成学生 ' || n, 'Bench synthetic student ' || n,
                       (select id from organization where ext_id = 'bench-nav-org-3'), true
                from generate_series(1, :students) n
                """).param("students", scale.students()).update();
    }

    private void users(Scale scale, String passwordHash) {
        jdbc.sql("""
                insert into app_user (email, name, organization_id, person_id, password_hash, status)
                select :email, 'Bench measured user', o.id, p.id, :hash, 'active'
                from organization o, person p where o.ext_id = 'bench-nav-org-root' and p.ext_id = 'bench-nav-person-0'
                """).param("email", MEASURED_EMAIL).param("hash", passwordHash).update();
        jdbc.sql("""
                insert into user_role (user_id, role)
                select u.id, r from app_user u, unnest(array['ORG_ADMIN', 'ENTERPRISE']) r where u.email = :email
                """).param("email", MEASURED_EMAIL).update();
        jdbc.sql("""
                insert into app_user (email, name, organization_id, password_hash, status)
                select 'nav-' || lpad(n::text, 6, '0') || '@bench.invalid', 'Bench user ' || n, o.id, :hash, 'active'
                from generate_series(1, :others) n join organization o on o.ext_id = 'bench-nav-org-' || (1 + n % :organizations)
                """).param("others", scale.users() - 1).param("organizations", scale.organizations()).param("hash", passwordHash).update();
        jdbc.sql("insert into user_role (user_id, role) select id, 'RESEARCHER' from app_user where " + SYNTHETIC_USER + " and email <> :email")
                .param("email", MEASURED_EMAIL).update();
    }

    /** One notice an hour back in time for each user; every tenth unread, starting with the newest. */
    private void notices(Scale scale) {
        jdbc.sql("""
                insert into notification (notice_id, user_id, message_key, args, link, created_at, read_at)
                select gen_random_uuid(), u.id, 'notification.booking.approved',
                       '[{"zh": "基准测试合成仪器", "en": "Bench synthetic instrument"}, {"zh": "2026-01-05 09:00", "en": "2026-01-05 09:00"}]'::jsonb,
                       '/bookings/mine', now() - n * interval '1 hour',
                       case when n % 10 = 1 then null else now() - n * interval '1 hour' + interval '5 minutes' end
                from app_user u cross join generate_series(1, :notices) n
                where u.""" + SYNTHETIC_USER).param("notices", scale.noticesPerUser()).update();
    }

    /**
     * Instruments, the first ones managed by the measured user, the others by one background user
     * each; bookings one an hour, the earlier half completed (every tenth cancelled), the later
     * half approved (every tenth pending), so no two overlap.
     */
    private void facilities(Scale scale) {
        jdbc.sql("""
                insert into facility (ext_id, type, name_zh, name_en, organization_id, illustrative)
                select 'bench-nav-facility-' || n, 'instrument', '基准测试合成仪器 ' || n, 'Bench synthetic instrument ' || n, o.id, true
                from generate_series(1, :facilities) n
                join organization o on o.ext_id = case when n <= :managed then 'bench-nav-org-root'
                                                       else 'bench-nav-org-' || (1 + n % :organizations) end
                """).param("facilities", scale.facilities()).param("managed", scale.managed())
                .param("organizations", scale.organizations()).update();
        jdbc.sql("""
                insert into facility_manager (facility_id, user_id)
                select f.id, u.id from generate_series(1, :facilities) n
                join facility f on f.ext_id = 'bench-nav-facility-' || n
                join app_user u on u.email = case when n <= :managed then :email else 'nav-' || lpad(n::text, 6, '0') || '@bench.invalid' end
                """).param("facilities", scale.facilities()).param("managed", scale.managed()).param("email", MEASURED_EMAIL).update();
        jdbc.sql("""
                insert into booking (facility_id, user_id, organization_id, period, status, rate_class, purpose)
                select f.id, u.id, u.organization_id,
                       tstzrange(date_trunc('hour', now()) + (k - :half) * interval '1 hour',
                                 date_trunc('hour', now()) + (k - :half + 1) * interval '1 hour', '[)'),
                       case when k > :half then (case when k %% 10 = 0 then 'pending' else 'approved' end)
                            else (case when k %% 10 = 0 then 'cancelled' else 'completed' end) end,
                       'internal', 'Bench synthetic booking'
                from facility f cross join generate_series(1, :bookings) k
                join (select id, organization_id, row_number() over (order by id) - 1 as rn from app_user where %s) u
                  on u.rn = (f.id + k) %% :users
                where f.%s
                """.formatted(SYNTHETIC_USER, SYNTHETIC))
                .param("half", scale.bookingsPerFacility() / 2).param("bookings", scale.bookingsPerFacility())
                .param("users", scale.users()).update();
    }

    /**
     * Published challenges (every tenth closed), each inviting one organization of the measured
     * user's subtree and {@link Scale#INVITED} background ones; about a third of the invited
     * organizations have applied already (their invitation is no longer open).
     */
    private void challenges(Scale scale) {
        jdbc.sql("""
                insert into challenge (ext_id, title_zh, title_en, sponsor_kind, deadline, status, rubric, published_at, illustrative)
                select 'bench-nav-challenge-' || n, '基准测试合成榜单 ' || n, 'Bench synthetic challenge ' || n, 'department',
                       case when n % 10 = 0 then now() - interval '1 day' else now() + interval '30 days' end,
                       case when n % 10 = 0 then 'closed' else 'published' end,
                       '[{"code": "merit", "zh": "技术水平", "en": "Merit", "weight": 100}]'::jsonb, now() - interval '10 days', true
                from generate_series(1, :challenges) n
                """).param("challenges", scale.challenges()).update();
        jdbc.sql("""
                insert into challenge_invitation (challenge_id, organization_id)
                select c.id, o.id from generate_series(1, :challenges) n
                join challenge c on c.ext_id = 'bench-nav-challenge-' || n
                join organization o on o.ext_id = case when n % (:units + 1) = 0 then 'bench-nav-org-root'
                                                       else 'bench-nav-unit-' || (n % (:units + 1)) end
                """).param("challenges", scale.challenges()).param("units", Scale.UNITS).update();
        jdbc.sql("""
                insert into challenge_invitation (challenge_id, organization_id)
                select c.id, o.id from generate_series(1, :challenges) n cross join generate_series(1, :invited) j
                join challenge c on c.ext_id = 'bench-nav-challenge-' || n
                join organization o on o.ext_id = 'bench-nav-org-' || (1 + (n * :invited + j) % :organizations)
                on conflict do nothing
                """).param("challenges", scale.challenges()).param("invited", Scale.INVITED)
                .param("organizations", scale.organizations()).update();
        jdbc.sql("""
                insert into challenge_application (challenge_id, lead_organization_id, plan)
                select i.challenge_id, i.organization_id, 'Bench synthetic plan'
                from challenge_invitation i join challenge c on c.id = i.challenge_id
                where c.""" + SYNTHETIC + " and (i.challenge_id + i.organization_id) % 3 = 0").update();
        jdbc.sql("""
                insert into application_member (application_id, role, organization_id)
                select a.id, 'lead', a.lead_organization_id
                from challenge_application a join challenge c on c.id = a.challenge_id where c.""" + SYNTHETIC).update();
    }

    /** One joint program; the first students mentored by the measured user; 50 days of hours each, every tenth pending. */
    private void talent(Scale scale) {
        jdbc.sql("""
                insert into talent_program (ext_id, name_zh, name_en, university_id, discipline_code, industry_code, degree_level,
                                            cohort_year, capacity, illustrative)
                select 'bench-nav-program', '基准测试合成项目', 'Bench synthetic program', o.id, (select min(code) from discipline),
                       (select min(code) from industry), 'master', 2025, 10000, true
                from organization o where o.ext_id = 'bench-nav-org-3'
                """).update();
        jdbc.sql("""
                insert into talent_student (ext_id, program_id, person_id, enterprise_id, academic_mentor_id, industrial_mentor_id,
                                            graduation_year, illustrative)
                select 'bench-nav-student-' || n, p.id, s.id, root.id, academic.id, industrial.id, 2027, true
                from generate_series(1, :students) n
                join talent_program p on p.ext_id = 'bench-nav-program'
                join person s on s.ext_id = 'bench-nav-student-' || n
                join organization root on root.ext_id = 'bench-nav-org-root'
                join person industrial on industrial.ext_id = 'bench-nav-person-' || case when n <= :measured then 0 else 1 + n % :mentors end
                join person academic on academic.ext_id = 'bench-nav-person-' || (1 + (n + 1) % :mentors)
                """).param("students", scale.students()).param("measured", scale.measuredStudents())
                .param("mentors", scale.mentors()).update();
        jdbc.sql("""
                insert into talent_practice_log (student_id, work_date, hours, description, status)
                select s.id, current_date - k, 8, 'Bench synthetic practice', case when k % 10 = 0 then 'pending' else 'approved' end
                from talent_student s cross join generate_series(1, :hours) k where s.""" + SYNTHETIC)
                .param("hours", scale.hoursPerStudent()).update();
    }

    private Seeded seeded() {
        return jdbc.sql("""
                select (select count(*) from app_user where %1$s),
                       (select count(*) from notification n join app_user u on u.id = n.user_id where u.%1$s),
                       (select count(*) from notification n join app_user u on u.id = n.user_id where u.%1$s and n.read_at is null),
                       (select count(*) from organization where %2$s),
                       (select count(*) from challenge where %2$s),
                       (select count(*) from challenge_invitation i join challenge c on c.id = i.challenge_id where c.%2$s),
                       (select count(*) from facility where %2$s),
                       (select count(*) from booking b join facility f on f.id = b.facility_id where f.%2$s),
                       (select count(*) from booking b join facility f on f.id = b.facility_id where f.%2$s and b.status = 'pending'),
                       (select count(*) from talent_student where %2$s),
                       (select count(*) from talent_practice_log h join talent_student s on s.id = h.student_id where s.%2$s),
                       (select count(*) from talent_practice_log h join talent_student s on s.id = h.student_id
                         where s.%2$s and h.status = 'pending')
                """.formatted(SYNTHETIC_USER, SYNTHETIC))
                .query((rs, n) -> new Seeded(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12)))
                .single();
    }

    /**
     * Deletes every synthetic row, dependants first (bookings have no cascade: they are financial
     * records; notices would cascade from their users but go faster on their own). Safe to call
     * when nothing or only part was written.
     */
    void remove() {
        List.of("delete from booking where facility_id in (select id from facility where " + SYNTHETIC + ")"
                        + " or user_id in (select id from app_user where " + SYNTHETIC_USER + ")",
                "delete from challenge where " + SYNTHETIC,
                "delete from talent_program where " + SYNTHETIC,
                "delete from talent_student where " + SYNTHETIC,
                "delete from facility where " + SYNTHETIC,
                // Deleting a user checks every column that refers to app_user, most without an index
                // (booking.decided_by, talent_practice_log.logged_by, …): a scan of the table per
                // user, dead rows included. Vacuumed first, the 10,000 deletions take seconds, not minutes.
                "vacuum booking, talent_practice_log",
                "delete from notification where user_id in (select id from app_user where " + SYNTHETIC_USER + ")",
                "delete from app_user where " + SYNTHETIC_USER,
                "delete from person where " + SYNTHETIC,
                "delete from organization where " + SYNTHETIC)
                .forEach(statement -> jdbc.sql(statement).update());
    }

    /** Synthetic rows still in the database (their dependants cannot outlive them): 0 after {@link #remove()}. */
    long remaining() {
        return jdbc.sql("""
                select (select count(*) from app_user where %1$s) + (select count(*) from organization where %2$s)
                     + (select count(*) from person where %2$s) + (select count(*) from facility where %2$s)
                     + (select count(*) from challenge where %2$s) + (select count(*) from talent_program where %2$s)
                     + (select count(*) from talent_student where %2$s)
                """.formatted(SYNTHETIC_USER, SYNTHETIC)).query(Long.class).single();
    }
}
