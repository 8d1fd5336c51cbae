package org.triplehelix.facility;

import java.math.BigDecimal;
import org.triplehelix.shared.Text;

/**
 * The sharing indicators of one instrument, organization or region for a year or a month, as the
 * national evaluation of the open sharing of major facilities and large instruments counts them:
 * <ul>
 * <li>{@code effectiveHours} — effective machine hours (有效工作机时): confirmed usage;</li>
 * <li>{@code externalHours} — external service hours (对外服务机时): usage by users outside the owning organization;</li>
 * <li>{@code sharingRate} — external over effective hours (共享率), 0–1 to four decimals, null without usage;</li>
 * <li>{@code income} — service income (服务收入), all fees; {@code externalIncome} from external users;</li>
 * <li>{@code usersServed} — distinct users served (服务用户数); {@code externalUsersServed} of them external.</li>
 * </ul>
 * {@code key} is the facility's or organization's external id, or the region's code (null for
 * facilities without one); {@code month} is null for a whole year.
 */
public record IndicatorRow(String key, Text name, int year, Integer month, BigDecimal effectiveHours,
                           BigDecimal externalHours, BigDecimal sharingRate, BigDecimal income, BigDecimal externalIncome,
                           long usersServed, long externalUsersServed, long bookings) {
}
