package org.triplehelix.facility.web;

import org.springframework.stereotype.Component;
import org.triplehelix.facility.Bookings;
import org.triplehelix.shared.web.NavCount;

/** The bookings waiting for the signed-in manager's approval, on the instruments link of every page. */
@Component
class ApprovalNavCount implements NavCount {

    private final Bookings bookings;

    ApprovalNavCount(Bookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public String path() {
        return "/instruments";
    }

    @Override
    public long count() {
        return bookings.pendingForMyApproval();
    }

    @Override
    public String labelKey() {
        return "facility.managed.navCount";
    }
}
