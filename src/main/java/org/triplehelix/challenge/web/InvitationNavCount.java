package org.triplehelix.challenge.web;

import org.springframework.stereotype.Component;
import org.triplehelix.challenge.Challenges;
import org.triplehelix.shared.web.NavCount;

/** The open invitations of the signed-in user's organizations, on the challenges link of every page. */
@Component
class InvitationNavCount extends NavCount.Fixed {

    InvitationNavCount(Challenges challenges) {
        super("/challenges", "challenge.invitations.navCount", challenges::openInvitationCount);
    }
}
