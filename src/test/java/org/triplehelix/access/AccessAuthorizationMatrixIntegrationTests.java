package org.triplehelix.access;

import static org.triplehelix.access.AuthorizationMatrix.Caller.ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ANONYMOUS;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN_ELSEWHERE;

import java.util.List;

/** The access module's endpoints in the authorization matrix: user administration, approvals, the audit trail, one's own settings. */
class AccessAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                // the JSON API
                Endpoint.api("GET", "/api/v1/me")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("GET", "/api/v1/me/settings")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("PUT", "/api/v1/me/settings", w -> "/api/v1/me/settings", w -> "{\"noticeMail\": true}")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.api("GET", "/api/v1/users")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/users/{active user at home}", w -> "/api/v1/users/" + w.activeUserIn(w.home()))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{pending user at home}/approve", w -> "/api/v1/users/" + w.pendingUserIn(w.home()) + "/approve")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{pending user in a unit of home}/approve", w -> "/api/v1/users/" + w.pendingUserIn(w.unitOfHome()) + "/approve")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{pending user elsewhere}/approve", w -> "/api/v1/users/" + w.pendingUserIn(w.elsewhere()) + "/approve")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{pending user at home}/reject", w -> "/api/v1/users/" + w.pendingUserIn(w.home()) + "/reject")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{pending user elsewhere}/reject", w -> "/api/v1/users/" + w.pendingUserIn(w.elsewhere()) + "/reject")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{active user at home}/disable", w -> "/api/v1/users/" + w.activeUserIn(w.home()) + "/disable")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{disabled user at home}/enable", w -> "/api/v1/users/" + w.disabledUserIn(w.home()) + "/enable")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/users/{active user at home}/unlock", w -> "/api/v1/users/" + w.activeUserIn(w.home()) + "/unlock")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("PUT", "/api/v1/users/{active user at home}/roles", w -> "/api/v1/users/" + w.activeUserIn(w.home()) + "/roles",
                                w -> "{\"roles\": [\"RESEARCHER\", \"REVIEWER\"]}")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/audit")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("GET", "/api/v1/audit/export?kind=user")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/no-such-endpoint")
                        .expect(ANONYMOUS, 401).otherwise(404),
                // the pages
                Endpoint.page("GET", "/admin/users")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(403),
                Endpoint.page("GET", "/admin/users/{active user at home}", w -> "/admin/users/" + w.activeUserIn(w.home()))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.page("POST", "/admin/users/{pending user at home}/approve", w -> "/admin/users/" + w.pendingUserIn(w.home()) + "/approve", null)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).otherwise(403),
                Endpoint.page("POST", "/admin/users/{pending user at home}/reject", w -> "/admin/users/" + w.pendingUserIn(w.home()) + "/reject",
                                w -> "reason=no&confirm=yes")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).otherwise(403),
                Endpoint.page("POST", "/admin/users/{active user at home}/disable", w -> "/admin/users/" + w.activeUserIn(w.home()) + "/disable",
                                w -> "confirm=yes")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ORG_ADMIN, 302).otherwise(403),
                Endpoint.page("POST", "/admin/users/{active user at home}/roles", w -> "/admin/users/" + w.activeUserIn(w.home()) + "/roles",
                                w -> "role=REVIEWER&confirm=yes")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).otherwise(403),
                Endpoint.page("GET", "/admin/audit")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).otherwise(403),
                Endpoint.page("GET", "/account/password")
                        .expect(ANONYMOUS, 401).otherwise(200),
                Endpoint.page("POST", "/account/notice-mail", w -> "/account/notice-mail", w -> "noticeMail=on")
                        .expect(ANONYMOUS, 401).otherwise(302));
    }
}
