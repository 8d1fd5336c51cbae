package org.triplehelix.facility;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.triplehelix.access.OrganizationScope;
import org.triplehelix.shared.Text;

/** The registry's facility rows (read only) joined with this module's profile, hours and managers. */
@Repository
class CatalogRepository {

    private static final String SELECT = """
            select f.id, f.ext_id, f.type, f.name_zh, f.name_en, f.description_zh, f.description_en, f.keywords,
                   f.organization_id, o.ext_id as org_ext_id, o.name_zh as org_name_zh, o.name_en as org_name_en,
                   coalesce(f.region_code, o.region_code) as region_code, f.illustrative,
                   p.facility_id is not null as has_profile, p.location_zh, p.location_en, p.model, p.maker,
                   p.capabilities_zh, p.capabilities_en, p.fee_unit, p.internal_rate, p.external_rate, p.min_minutes,
                   p.max_minutes, p.slot_minutes, p.lead_minutes, p.horizon_days, p.approval_required,
                   p.training_required, p.version
            from facility f
            left join organization o on o.id = f.organization_id
            left join facility_profile p on p.facility_id = f.id
            """;

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instrument> findByExtId(String extId) {
        return jdbc.sql(SELECT + " where f.ext_id = :extId").param("extId", extId)
                .query((rs, n) -> row(rs)).optional().map(this::complete);
    }

    Optional<Instrument> findById(long id) {
        return jdbc.sql(SELECT + " where f.id = :id").param("id", id)
                .query((rs, n) -> row(rs)).optional().map(this::complete);
    }

    /** Every facility with its profile (no hours, no managers): the list and the search. */
    List<Instrument> all(String type) {
        return jdbc.sql(SELECT + " where (cast(:type as text) is null or f.type = :type) order by f.id")
                .param("type", type).query((rs, n) -> row(rs)).list();
    }

    boolean isManager(long facilityId, long userId) {
        return jdbc.sql("select exists (select 1 from facility_manager where facility_id = :f and user_id = :u)")
                .param("f", facilityId).param("u", userId).query(Boolean.class).single();
    }

    /** The facilities a user manages. */
    List<Long> managedBy(long userId) {
        return jdbc.sql("select facility_id from facility_manager where user_id = :u order by facility_id")
                .param("u", userId).query(Long.class).list();
    }

    /**
     * The facilities whose bookings a user may handle: those they manage, and those of the organizations they
     * administer ({@code organizations}, all of them for an ADMIN, whose scope also holds facilities of no organization).
     */
    List<Long> handledBy(long userId, OrganizationScope organizations) {
        return jdbc.sql("""
                        select f.id from facility f
                        where f.id in (select m.facility_id from facility_manager m where m.user_id = :u)
                           or :allOrgs or f.organization_id = any(:orgIds)
                        order by f.id""")
                .param("u", userId).param("allOrgs", organizations.all()).param("orgIds", organizations.ids())
                .query(Long.class).list();
    }

    /** Inserts or updates the profile and replaces the week's opening hours; the new version. */
    int saveProfile(long facilityId, FacilityProfile profile) {
        Text location = profile.location();
        Text capabilities = profile.capabilities();
        BookingRules rules = profile.rules();
        int version = jdbc.sql("""
                        insert into facility_profile (facility_id, location_zh, location_en, model, maker, capabilities_zh,
                            capabilities_en, fee_unit, internal_rate, external_rate, min_minutes, max_minutes, slot_minutes,
                            lead_minutes, horizon_days, approval_required, training_required)
                        values (:id, :locationZh, :locationEn, :model, :maker, :capabilitiesZh, :capabilitiesEn, :feeUnit,
                            :internalRate, :externalRate, :minMinutes, :maxMinutes, :slotMinutes, :leadMinutes, :horizonDays,
                            :approvalRequired, :trainingRequired)
                        on conflict (facility_id) do update set location_zh = excluded.location_zh,
                            location_en = excluded.location_en, model = excluded.model, maker = excluded.maker,
                            capabilities_zh = excluded.capabilities_zh, capabilities_en = excluded.capabilities_en,
                            fee_unit = excluded.fee_unit, internal_rate = excluded.internal_rate,
                            external_rate = excluded.external_rate, min_minutes = excluded.min_minutes,
                            max_minutes = excluded.max_minutes, slot_minutes = excluded.slot_minutes,
                            lead_minutes = excluded.lead_minutes, horizon_days = excluded.horizon_days,
                            approval_required = excluded.approval_required, training_required = excluded.training_required,
                            updated_at = now(), version = facility_profile.version + 1
                        returning version
                        """)
                .param("id", facilityId)
                .param("locationZh", location == null ? null : location.zh())
                .param("locationEn", location == null ? null : location.en())
                .param("model", profile.model())
                .param("maker", profile.maker())
                .param("capabilitiesZh", capabilities == null ? null : capabilities.zh())
                .param("capabilitiesEn", capabilities == null ? null : capabilities.en())
                .param("feeUnit", profile.fees().unit().code())
                .param("internalRate", profile.fees().internalRate())
                .param("externalRate", profile.fees().externalRate())
                .param("minMinutes", rules.minMinutes())
                .param("maxMinutes", rules.maxMinutes())
                .param("slotMinutes", rules.slotMinutes())
                .param("leadMinutes", rules.leadMinutes())
                .param("horizonDays", rules.horizonDays())
                .param("approvalRequired", rules.approvalRequired())
                .param("trainingRequired", rules.trainingRequired())
                .query(Integer.class).single();
        jdbc.sql("delete from facility_opening_hours where facility_id = :id").param("id", facilityId).update();
        rules.openingHours().days().forEach((day, hours) -> jdbc.sql("""
                        insert into facility_opening_hours (facility_id, weekday, opens_minute, closes_minute)
                        values (:id, :weekday, :opens, :closes)
                        """)
                .param("id", facilityId).param("weekday", day.getValue())
                .param("opens", hours.opens()).param("closes", hours.closes()).update());
        return version;
    }

    void setManagers(long facilityId, List<Long> userIds) {
        jdbc.sql("delete from facility_manager where facility_id = :id").param("id", facilityId).update();
        for (long userId : userIds) {
            jdbc.sql("insert into facility_manager (facility_id, user_id) values (:id, :user) on conflict do nothing")
                    .param("id", facilityId).param("user", userId).update();
        }
    }

    /** Accounts by email: id and organization, for naming managers. */
    List<Account> accountsByEmail(List<String> emails) {
        return jdbc.sql("select id, email, organization_id from app_user where email = any(:emails) and status = 'active'")
                .param("emails", emails.toArray(String[]::new))
                .query((rs, n) -> new Account(rs.getLong("id"), rs.getString("email"), nullableLong(rs, "organization_id")))
                .list();
    }

    record Account(long id, String email, Long organizationId) {
    }

    /** True when {@code organizationId} is {@code ownerId} or one of its units (the internal rate applies). */
    boolean withinOrganization(Long organizationId, Long ownerId) {
        if (organizationId == null || ownerId == null) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from organization_subtree(:owner) s where s.id = :org)")
                .param("owner", ownerId).param("org", organizationId).query(Boolean.class).single();
    }

    private Instrument complete(Instrument instrument) {
        FacilityProfile profile = instrument.profile();
        if (profile.stored()) {
            BookingRules rules = profile.rules();
            profile = new FacilityProfile(profile.location(), profile.model(), profile.maker(), profile.capabilities(),
                    profile.fees(), new BookingRules(rules.minMinutes(), rules.maxMinutes(), rules.slotMinutes(),
                    rules.leadMinutes(), rules.horizonDays(), rules.approvalRequired(), rules.trainingRequired(),
                    openingHours(instrument.id())), true, profile.version());
        }
        return new Instrument(instrument.id(), instrument.extId(), instrument.type(), instrument.name(),
                instrument.description(), instrument.keywords(), instrument.organizationId(),
                instrument.organizationExtId(), instrument.organizationName(), instrument.regionCode(),
                instrument.illustrative(), profile, managers(instrument.id()));
    }

    private OpeningHours openingHours(long facilityId) {
        Map<DayOfWeek, OpeningHours.Hours> days = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select weekday, opens_minute, closes_minute from facility_opening_hours where facility_id = :id")
                .param("id", facilityId)
                .query(rs -> {
                    days.put(DayOfWeek.of(rs.getInt("weekday")),
                            new OpeningHours.Hours(rs.getInt("opens_minute"), rs.getInt("closes_minute")));
                });
        return new OpeningHours(days);
    }

    private List<Instrument.Manager> managers(long facilityId) {
        return jdbc.sql("""
                        select u.id, u.name from facility_manager m join app_user u on u.id = m.user_id
                        where m.facility_id = :id order by u.name, u.id
                        """)
                .param("id", facilityId)
                .query((rs, n) -> new Instrument.Manager(rs.getLong("id"), rs.getString("name"))).list();
    }

    private static Instrument row(ResultSet rs) throws SQLException {
        FacilityProfile profile = rs.getBoolean("has_profile")
                ? new FacilityProfile(
                        Text.ofNullable(rs.getString("location_zh"), rs.getString("location_en")),
                        rs.getString("model"), rs.getString("maker"),
                        Text.ofNullable(rs.getString("capabilities_zh"), rs.getString("capabilities_en")),
                        new FeeSchedule(FeeUnit.of(rs.getString("fee_unit")), rs.getBigDecimal("internal_rate"),
                                rs.getBigDecimal("external_rate")),
                        new BookingRules(rs.getInt("min_minutes"), rs.getInt("max_minutes"), rs.getInt("slot_minutes"),
                                rs.getInt("lead_minutes"), rs.getInt("horizon_days"), rs.getBoolean("approval_required"),
                                rs.getBoolean("training_required"), OpeningHours.standard()),
                        true, rs.getInt("version"))
                : FacilityProfile.defaults();
        return new Instrument(rs.getLong("id"), rs.getString("ext_id"), rs.getString("type"),
                Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                Text.ofNullable(rs.getString("description_zh"), rs.getString("description_en")),
                strings(rs.getArray("keywords")), nullableLong(rs, "organization_id"), rs.getString("org_ext_id"),
                Text.ofNullable(rs.getString("org_name_zh"), rs.getString("org_name_en")), rs.getString("region_code"),
                rs.getBoolean("illustrative"), profile, List.of());
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
