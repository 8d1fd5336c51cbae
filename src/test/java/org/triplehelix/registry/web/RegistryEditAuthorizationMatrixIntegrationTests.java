package org.triplehelix.registry.web;

import java.util.List;
import org.triplehelix.access.AccessFixtures;
import org.triplehelix.access.AuthorizationMatrix;

/**
 * The registry's edit pages × every caller, through a signed-in browser session with the CSRF
 * token: forms open (200) and save (302 to the record) for administrators everywhere and
 * organization admins in their subtree; everyone else gets 403, anonymous visitors the sign-in page.
 */
class RegistryEditAuthorizationMatrixIntegrationTests extends AuthorizationMatrix {

    @Override
    protected List<Endpoint> endpoints() {
        return List.of(
                Endpoint.page("GET", "/organizations/{unit of home}/edit",
                                w -> "/organizations/" + w.extId(w.unitOfHome()) + "/edit")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN, 200)
                        .otherwise(403),
                Endpoint.page("GET", "/organizations/{elsewhere}/edit",
                                w -> "/organizations/" + w.extId(w.elsewhere()) + "/edit")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN_ELSEWHERE, 200)
                        .otherwise(403),
                Endpoint.page("POST", "/organizations/{a unit of home}/edit",
                                w -> "/organizations/" + w.extId(w.fixtures().organization("Unit to rename", w.unitOfHome())) + "/edit",
                                w -> "version=0&nameEn=Renamed&nameZh=改名&parent=" + w.extId(w.unitOfHome()))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302).expect(Caller.ORG_ADMIN, 302)
                        .otherwise(403),
                Endpoint.page("POST", "/organizations/{a unit of home, moved elsewhere}/edit",
                                w -> "/organizations/" + w.extId(w.fixtures().organization("Unit to move", w.unitOfHome())) + "/edit",
                                w -> "version=0&nameEn=Moved&parent=" + w.extId(w.elsewhere()))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302)
                        .otherwise(403),
                Endpoint.page("GET", "/organizations/new")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN, 200)
                        .expect(Caller.ORG_ADMIN_ELSEWHERE, 200)
                        .otherwise(403),
                Endpoint.page("POST", "/organizations/new {under a unit of home}", w -> "/organizations/new",
                                w -> "nameZh=新单位&nameEn=New unit&parent=" + w.extId(w.unitOfHome()))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302).expect(Caller.ORG_ADMIN, 302)
                        .otherwise(403),
                Endpoint.page("POST", "/organizations/new {top level}", w -> "/organizations/new", w -> "nameEn=Top level")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302)
                        .otherwise(403),
                Endpoint.page("GET", "/organizations/{a unit of elsewhere}/delete",
                                w -> "/organizations/" + w.extId(w.fixtures().organization("Unit to look at", w.elsewhere())) + "/delete")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN_ELSEWHERE, 200)
                        .otherwise(403),
                Endpoint.page("POST", "/organizations/{a unit of elsewhere}/delete",
                                w -> "/organizations/" + w.extId(w.fixtures().organization("Unit to delete", w.elsewhere())) + "/delete",
                                w -> "version=0")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302).expect(Caller.ORG_ADMIN_ELSEWHERE, 302)
                        .otherwise(403),
                Endpoint.page("GET", "/persons/{the researcher}/edit",
                                w -> "/persons/" + w.fixtures().personExtId(w.personAtHome()) + "/edit")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN, 200)
                        .expect(Caller.RESEARCHER, 200)
                        .otherwise(403),
                Endpoint.page("POST", "/persons/new {in home}", w -> "/persons/new",
                                w -> "nameZh=新人&organization=" + w.extId(w.home()))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302).expect(Caller.ORG_ADMIN, 302)
                        .otherwise(403),
                Endpoint.page("GET", "/outputs/new")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200).expect(Caller.ORG_ADMIN, 200)
                        .expect(Caller.ORG_ADMIN_ELSEWHERE, 200).expect(Caller.RESEARCHER, 200)
                        .otherwise(403),
                Endpoint.page("POST", "/outputs/new {by the researcher}", w -> "/outputs/new",
                                w -> "titleZh=新成果&people=" + w.fixtures().personExtId(w.personAtHome()))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302).expect(Caller.ORG_ADMIN, 302)
                        .expect(Caller.RESEARCHER, 302)
                        .otherwise(403),
                Endpoint.page("POST", "/facilities/new {of elsewhere}", w -> "/facilities/new",
                                w -> "nameEn=Spectrometer&type=instrument&organization=" + w.extId(w.elsewhere()))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 302).expect(Caller.ORG_ADMIN_ELSEWHERE, 302)
                        .otherwise(403),
                Endpoint.page("GET", "/registry/import")
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 200)
                        .otherwise(403),
                Endpoint.page("GET", "/registry/import/jobs/{unknown}", w -> "/registry/import/jobs/" + AccessFixtures.unique("job"))
                        .expect(Caller.ANONYMOUS, 401).expect(Caller.ADMIN, 404)
                        .otherwise(403));
    }
}
