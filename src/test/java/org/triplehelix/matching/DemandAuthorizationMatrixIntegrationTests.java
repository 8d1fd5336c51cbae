package org.triplehelix.matching;

import static org.triplehelix.access.AuthorizationMatrix.Caller.ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ANONYMOUS;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ENTERPRISE;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN;
import static org.triplehelix.access.AuthorizationMatrix.Caller.ORG_ADMIN_ELSEWHERE;

import java.util.List;
import org.triplehelix.access.AuthorizationMatrix;

/**
 * The demands' endpoints in the authorization matrix. The demands acted on are posted per call by
 * ENTERPRISE (an enterprise user of the home organization): ORG_ADMIN administers that
 * organization and so maintains its demands; everyone else may read a public demand but not change
 * it. A demand shown only to its parties does not exist for the others (404).
 */
class DemandAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    private static final String DRAFT = "{\"titleZh\": \"授权矩阵需求\", \"keywords\": [\"矩阵\"]}";

    /** A demand posted by ENTERPRISE, shown to {@code visibility} (and to the parties named). */
    private String demandOf(World w, String visibility, String... parties) {
        DemandService demands = context.getBean(DemandService.class);
        DemandDraft draft = new DemandDraft(null, "授权矩阵需求", null, null, null, List.of("矩阵"), null, null, null, null, null, null,
                null, visibility, null, List.of(parties), null);
        return w.fixtures().as(w.account(ENTERPRISE), () -> demands.post(draft)).extId();
    }

    private String publicDemand(World w) {
        return demandOf(w, "public");
    }

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                // posting: enterprise users and administrators
                Endpoint.api("POST", "/api/v1/demands", w -> "/api/v1/demands", w -> DRAFT)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 201).expect(ENTERPRISE, 201).otherwise(403),
                // changing: the enterprise (its users and its administrators) and the department
                Endpoint.api("PUT", "/api/v1/demands/{public, ENTERPRISE's}", w -> "/api/v1/demands/" + publicDemand(w), w -> DRAFT)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/demands/{public, ENTERPRISE's}/close", w -> "/api/v1/demands/" + publicDemand(w) + "/close")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("POST", "/api/v1/demands/{public, ENTERPRISE's}/reopen", w -> "/api/v1/demands/" + publicDemand(w) + "/reopen")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).otherwise(403),
                Endpoint.api("DELETE", "/api/v1/demands/{public, ENTERPRISE's}", w -> "/api/v1/demands/" + publicDemand(w))
                        .expect(ANONYMOUS, 401).expect(ADMIN, 204).expect(ENTERPRISE, 204).expect(ORG_ADMIN, 204).otherwise(403),
                // a demand hidden from the caller does not exist for them, not even to change
                Endpoint.api("PUT", "/api/v1/demands/{parties, ENTERPRISE's}", w -> "/api/v1/demands/" + demandOf(w, "parties"), w -> DRAFT)
                        .expect(ANONYMOUS, 401).expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).otherwise(404),
                // reading: by visibility
                Endpoint.api("GET", "/api/v1/demands/{public}", w -> "/api/v1/demands/" + publicDemand(w)).otherwise(200),
                Endpoint.api("GET", "/api/v1/demands/{signed_in}", w -> "/api/v1/demands/" + demandOf(w, "signed_in"))
                        .expect(ANONYMOUS, 404).otherwise(200),
                Endpoint.api("GET", "/api/v1/demands/{parties: elsewhere}",
                                w -> "/api/v1/demands/" + demandOf(w, "parties", w.extId(w.elsewhere())))
                        .expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(404),
                Endpoint.api("GET", "/api/v1/demands/{parties: elsewhere}/matches",
                                w -> "/api/v1/demands/" + demandOf(w, "parties", w.extId(w.elsewhere())) + "/matches")
                        .expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).expect(ORG_ADMIN_ELSEWHERE, 200).otherwise(404),
                // pages
                Endpoint.page("POST", "/demands", w -> "/demands", w -> "titleZh=页面需求&visibility=public")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ENTERPRISE, 302).otherwise(403),
                Endpoint.page("POST", "/demands/{public, ENTERPRISE's}/close", w -> "/demands/" + publicDemand(w) + "/close", w -> "x=1")
                        .expect(ANONYMOUS, 401).expect(ADMIN, 302).expect(ENTERPRISE, 302).expect(ORG_ADMIN, 302).otherwise(403),
                Endpoint.page("GET", "/demands/{parties, ENTERPRISE's}", w -> "/demands/" + demandOf(w, "parties"))
                        .expect(ADMIN, 200).expect(ENTERPRISE, 200).expect(ORG_ADMIN, 200).otherwise(404),
                Endpoint.page("GET", "/demands").otherwise(200));
    }
}
