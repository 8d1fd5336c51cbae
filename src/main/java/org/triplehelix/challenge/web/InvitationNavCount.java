package org.triplehelix.challenge.web;

import org.springframework.stereotype.Component;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.shared.web.NavCount;

/** The open invitations of the signed-in user's organizations, on the challenges link of every page. */
@Component
class InvitationNavCount implements NavCount {

    private final Challenges challenges;

    InvitationNavCount(Challenges challenges) {
        this.challenges = challenges;
    }

    @Override
    public String path() {
        return "/challenges";
    }

    @Override
    public long count() {
        return challenges.openInvitationCount();
    }

    @Override
    public String labelKey() {
        return "challenge.invitations.navCount";
    }
}
