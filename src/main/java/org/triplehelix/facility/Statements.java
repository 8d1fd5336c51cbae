package org.triplehelix.facility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.triplehelix.access.DataScope;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.NotFoundException;
import org.triplehelix.shared.Text;

/**
 * Monthly statements per organization (its subtree: units included), for those who may see the
 * organization's private data (ADMIN, its ORG_ADMIN, its ENTERPRISE users). Written as XLSX and
 * CSV by {@link StatementFiles}.
 */
@Service
public class Statements {

    private final JdbcClient jdbc;
    private final DataScope scope;

    Statements(JdbcClient jdbc, DataScope scope) {
        this.jdbc = jdbc;
        this.scope = scope;
    }

    /** {@code side}: customer (default) or provider. */
    public Statement statement(String organizationExtId, YearMonth month, String side) {
        String which = side == null || side.isBlank() ? "customer" : side.strip().toLowerCase(Locale.ROOT);
        if (!which.equals("customer") && !which.equals("provider")) {
            throw new InvalidInputException("side", "side is customer or provider", "facility.error.side", side);
        }
        Organization organization = jdbc.sql("select id, name_zh, name_en from organization where ext_id = :extId")
                .param("extId", organizationExtId == null ? "" : organizationExtId.strip())
                .query((rs, n) -> new Organization(rs.getLong("id"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en"))))
                .optional().orElseThrow(() -> new NotFoundException("organization", organizationExtId));
        if (!scope.canSeeOrganizationPrivate(organization.id())) {
            throw new NotFoundException("organization", organizationExtId);
        }
        Instant from = month.atDay(1).atStartOfDay(FacilityTime.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(FacilityTime.ZONE).toInstant();
        String column = which.equals("customer") ? "b.organization_id" : "f.organization_id";
        List<Statement.Line> lines = jdbc.sql("""
                        select b.id, lower(b.period) as start_at, upper(b.period) as end_at, f.ext_id, f.name_zh, f.name_en,
                               fo.name_zh as owner_zh, fo.name_en as owner_en, u.name as booker, bo.name_zh as booker_org_zh,
                               bo.name_en as booker_org_en, b.rate_class, b.fee_unit, b.used_hours, b.used_samples, b.unit_rate, b.fee
                        from booking b
                        join facility f on f.id = b.facility_id
                        join app_user u on u.id = b.user_id
                        left join organization fo on fo.id = f.organization_id
                        left join organization bo on bo.id = b.organization_id
                        where b.status = 'completed' and b.usage_confirmed_at is not null
                          and coalesce(b.actual_start, lower(b.period)) >= :from and coalesce(b.actual_start, lower(b.period)) < :to
                          and %s in (select id from organization_subtree(:org))
                        order by lower(b.period), b.id
                        """.formatted(column))
                .param("from", Db.ts(from)).param("to", Db.ts(to)).param("org", organization.id())
                .query((rs, n) -> {
                    FeeUnit unit = FeeUnit.of(rs.getString("fee_unit"));
                    BigDecimal hours = rs.getBigDecimal("used_hours");
                    BigDecimal quantity = unit == FeeUnit.SAMPLE ? BigDecimal.valueOf(rs.getInt("used_samples")) : hours;
                    return new Statement.Line(rs.getLong("id"), Db.instant(rs, "start_at"), Db.instant(rs, "end_at"),
                            rs.getString("ext_id"), Text.ofNullable(rs.getString("name_zh"), rs.getString("name_en")),
                            Text.ofNullable(rs.getString("owner_zh"), rs.getString("owner_en")), rs.getString("booker"),
                            Text.ofNullable(rs.getString("booker_org_zh"), rs.getString("booker_org_en")),
                            RateClass.of(rs.getString("rate_class")), unit, hours, quantity, rs.getBigDecimal("unit_rate"),
                            rs.getBigDecimal("fee"));
                })
                .list();
        BigDecimal hours = lines.stream().map(Statement.Line::hours).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = lines.stream().map(Statement.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        return new Statement(organizationExtId.strip(), organization.name(), month, which, lines, hours, total);
    }

    /**
     * Whether the signed-in user may see statements at all (ADMIN any organization's; an organization's
     * administrators and enterprise users its own): the pages offer the statement only to them.
     */
    public boolean canSeeOwn() {
        return scope.isAdmin() || scope.currentUser().map(user -> user.organizationId()).filter(java.util.Objects::nonNull)
                .map(scope::canSeeOrganizationPrivate).orElse(false);
    }

    /** The signed-in user's organization's external id, the statement page's default; empty for anyone else. */
    public String ownOrganization() {
        return scope.currentUser().map(user -> user.organizationId()).filter(java.util.Objects::nonNull)
                .flatMap(id -> jdbc.sql("select ext_id from organization where id = :id").param("id", id).query(String.class).optional())
                .orElse("");
    }

    /**
     * The external id of the one organization named so, in Chinese or in English (any case), for the statement
     * page's picker when the name was typed rather than chosen; empty when none or several are named so.
     * Whether the caller may see its statement is {@link #statement}'s to say.
     */
    public Optional<String> organizationNamed(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        List<String> named = jdbc.sql("select ext_id from organization where name_zh = :name or lower(name_en) = lower(:name) limit 2")
                .param("name", name.strip()).query(String.class).list();
        return named.size() == 1 ? Optional.of(named.getFirst()) : Optional.empty();
    }

    private record Organization(long id, Text name) {
    }
}
