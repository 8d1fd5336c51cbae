package org.triplehelix.registry.web;

import java.util.List;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.AuthorizationMatrix;

/** Registry writes × every caller: administrators everywhere, organization admins in their subtree only. */
class RegistryAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                Endpoint.api("POST", "/api/v1/organizations/{new, under a unit of home}",
                                w -> "/api/v1/organizations/" + AccessFixtures.unique("m-org"),
                                w -> "{\"name\": \"新单位 New unit\", \"parent\": \"" + w.extId(w.unitOfHome()) + "\"}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 201).expect(Caller.ORG_ADMIN, 201)
                        .otherwise(403),
                Endpoint.api("POST", "/api/v1/organizations/{new, under elsewhere}",
                                w -> "/api/v1/organizations/" + AccessFixtures.unique("m-org"),
                                w -> "{\"name\": \"Elsewhere unit\", \"parent\": \"" + w.extId(w.elsewhere()) + "\"}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 201).expect(Caller.ORG_ADMIN_ELSEWHERE, 201)
                        .otherwise(403),
                Endpoint.api("POST", "/api/v1/organizations/{new, top level}",
                                w -> "/api/v1/organizations/" + AccessFixtures.unique("m-org"),
                                w -> "{\"name\": \"Top level\"}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 201)
                        .otherwise(403),
                Endpoint.api("PUT", "/api/v1/organizations/{a unit of home}",
                                w -> "/api/v1/organizations/" + w.extId(w.fixtures().organization("Unit to rename", w.unitOfHome())),
                                w -> "{\"name\": \"Renamed\", \"parent\": \"" + w.extId(w.unitOfHome()) + "\", \"version\": 0}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN, 200)
                        .otherwise(403),
                Endpoint.api("PUT", "/api/v1/organizations/{a unit of home, moved elsewhere}",
                                w -> "/api/v1/organizations/" + w.extId(w.fixtures().organization("Unit to move", w.unitOfHome())),
                                w -> "{\"name\": \"Moved\", \"parent\": \"" + w.extId(w.elsewhere()) + "\", \"version\": 0}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200)
                        .otherwise(403),
                Endpoint.api("DELETE", "/api/v1/organizations/{a unit of elsewhere}",
                                w -> "/api/v1/organizations/" + w.extId(w.fixtures().organization("Unit to delete", w.elsewhere())))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 204).expect(Caller.ORG_ADMIN_ELSEWHERE, 204)
                        .otherwise(403),
                Endpoint.api("POST", "/api/v1/persons/{new, in home}",
                                w -> "/api/v1/persons/" + AccessFixtures.unique("m-person"),
                                w -> "{\"name\": \"新人 New person\", \"organization\": \"" + w.extId(w.home()) + "\"}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 201).expect(Caller.ORG_ADMIN, 201)
                        .otherwise(403),
                Endpoint.api("POST", "/api/v1/outputs/{new, by the researcher}",
                                w -> "/api/v1/outputs/" + AccessFixtures.unique("m-output"),
                                w -> "{\"title\": \"新成果 New output\", \"people\": [\"" + w.fixtures().personExtId(w.personAtHome()) + "\"]}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 201).expect(Caller.ORG_ADMIN, 201)
                        .expect(Caller.RESEARCHER, 201)
                        .otherwise(403),
                Endpoint.api("POST", "/api/v1/facilities/{new, of elsewhere}",
                                w -> "/api/v1/facilities/" + AccessFixtures.unique("m-facility"),
                                w -> "{\"name\": \"Spectrometer\", \"type\": \"instrument\", \"organization\": \"" + w.extId(w.elsewhere()) + "\"}")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 201).expect(Caller.ORG_ADMIN_ELSEWHERE, 201)
                        .otherwise(403));
    }
}
