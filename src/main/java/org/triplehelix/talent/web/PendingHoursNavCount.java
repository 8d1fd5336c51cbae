package org.triplehelix.talent.web;

import org.springframework.stereotype.Component;
import org.triplehelix.talent.Practice;
import org.triplehelix.shared.web.NavCount;

/** The practice hours waiting for the signed-in industrial mentor's approval, on the talent link of every page. */
@Component
class PendingHoursNavCount extends NavCount.Fixed {

    PendingHoursNavCount(Practice practice) {
        super("/talent", "talent.pending.navCount", practice::pendingCountForMe);
    }
}
