package org.triplehelix.access.web;

import org.springframework.stereotype.Component;
import org.triplehelix.access.UserAccounts;
import org.triplehelix.shared.web.NavCount;

/** The registrations waiting for the signed-in administrator's approval, on the users link of every page. */
@Component
class PendingRegistrationsNavCount extends NavCount.Fixed {

    static final String PATH = "/admin/users";

    PendingRegistrationsNavCount(UserAccounts accounts) {
        super(PATH, "access.users.navCount", accounts::pendingForMyApproval);
    }
}
