package org.triplehelix.facility.web;

import org.springframework.stereotype.Component;
import org.triplehelix.facility.Bookings;
import org.triplehelix.shared.web.NavCount;

/** The bookings waiting for the signed-in manager's approval, on the instruments link of every page. */
@Component
class ApprovalNavCount extends NavCount.Fixed {

    ApprovalNavCount(Bookings bookings) {
        super("/instruments", "facility.managed.navCount", bookings::pendingForMyApproval);
    }
}
