/**
 * Facilities: shared booking of major facilities and large instruments (大型仪器 → instrument),
 * never double-booked; usage, fees and the national sharing indicators.
 *
 * <p>The registry's {@code facility} table is the catalog of record; this module adds to it by
 * foreign key: the profile (location, model, capabilities, fee schedule, booking rules, opening
 * hours, managers), bookings, maintenance windows, training records, the waitlist and calendar
 * feeds (migrations {@code db/migration/facility/V6_x}).
 *
 * <p>What other modules use:
 * <ul>
 * <li>{@link org.triplehelix.facility.SharingIndicators} — effective machine hours, external service
 *     hours, sharing rate, service income and users served per instrument, organization or region,
 *     by month or year (the insight module).</li>
 * <li>{@link org.triplehelix.facility.FacilityCatalog} — an instrument with its profile, the
 *     capabilities text for the search index; {@link org.triplehelix.facility.FacilityProfileChanged}
 *     is published when a profile changes (for matching to re-index).</li>
 * <li>{@link org.triplehelix.facility.Bookings} — booking and its life cycle.</li>
 * </ul>
 * Never a double booking: the {@code booking_no_overlap} exclusion constraint refuses overlapping
 * bookings that hold their slot (pending, approved, in use); {@link org.triplehelix.facility.Bookings}
 * translates its violation into a 409 naming the conflicting slot.
 */
@org.springframework.modulith.ApplicationModule
package org.triplehelix.facility;
