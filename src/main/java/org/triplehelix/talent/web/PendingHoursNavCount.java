package org.triplehelix.talent.web;

import org.springframework.stereotype.Component;
import org.triplehelix.shared.web.NavCount;
import org.triplehelix.talent.Practice;

/** The practice hours waiting for the signed-in industrial mentor's approval, on the talent link of every page. */
@Component
class PendingHoursNavCount implements NavCount {

    private final Practice practice;

    PendingHoursNavCount(Practice practice) {
        this.practice = practice;
    }

    @Override
    public String path() {
        return "/talent";
    }

    @Override
    public long count() {
        return practice.pendingCountForMe();
    }

    @Override
    public String labelKey() {
        return "talent.pending.navCount";
    }
}
