package org.triplehelix.facility;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.triplehelix.access.CurrentUser;
import org.triplehelix.access.DataScope;
import org.triplehelix.access.OrganizationScope;

/** A booking as its viewer may see it: details and actions by who they are. */
@Component
class BookingViews {

    private final FacilityCatalog catalog;
    private final DataScope scope;

    BookingViews(FacilityCatalog catalog, DataScope scope) {
        this.catalog = catalog;
        this.scope = scope;
    }

    /**
     * Who looks, worked out once for a list: the user, whether they manage the instrument, whose
     * private data they may see.
     */
    record Viewer(CurrentUser user, boolean admin, boolean manager, OrganizationScope readable) {

        boolean sees(BookingRow row) {
            Booking booking = row.booking();
            return admin || manager || user != null && booking.userId() == user.id()
                    || booking.organizationId() != null && readable.includes(booking.organizationId());
        }
    }

    Viewer viewer(Instrument instrument, CurrentUser user) {
        boolean admin = scope.isAdmin();
        OrganizationScope readable = user == null ? new OrganizationScope(false, List.of()) : scope.privateReadableOrganizations();
        return new Viewer(user, admin, catalog.canManage(instrument), readable);
    }

    boolean visible(BookingRow row, Instrument instrument, CurrentUser user) {
        return viewer(instrument, user).sees(row);
    }

    BookingView view(BookingRow row, Instrument instrument, CurrentUser user) {
        return view(row, viewer(instrument, user));
    }

    BookingView view(BookingRow row, Viewer viewer) {
        Booking booking = row.booking();
        CurrentUser user = viewer.user();
        boolean mine = user != null && booking.userId() == user.id();
        boolean manager = viewer.manager();
        boolean detailed = viewer.sees(row);
        List<String> actions = new ArrayList<>();
        if (user != null) {
            Set<Booking.Action> possible = booking.possibleActions();
            for (Booking.Action action : possible) {
                boolean bookerAction = action == Booking.Action.CANCEL || action == Booking.Action.START
                        || action == Booking.Action.COMPLETE;
                if (manager || mine && bookerAction) {
                    actions.add(action.name().toLowerCase(Locale.ROOT).replace('_', '-'));
                }
            }
        }
        TimeSlot slot = booking.slot();
        if (!detailed) {
            return new BookingView(booking.id(), row.facilityExtId(), row.facilityName(), slot.start(), slot.end(),
                    slot.describe(FacilityTime.ZONE), booking.status(), false, false, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, row.version());
        }
        Usage usage = booking.usage();
        return new BookingView(booking.id(), row.facilityExtId(), row.facilityName(), slot.start(), slot.end(),
                slot.describe(FacilityTime.ZONE), booking.status(), true, mine, booking.seriesId(), booking.userId(),
                row.bookerName(), row.organizationExtId(), row.organizationName(), booking.purpose(), booking.rateClass(),
                booking.actualStart(), booking.actualEnd(), usage == null ? null : usage.hours(),
                usage == null ? null : usage.samples(), booking.charge(),
                booking.status() == BookingStatus.COMPLETED ? booking.usageConfirmed() : null, booking.note(),
                List.copyOf(actions), row.createdAt(), row.version());
    }
}
