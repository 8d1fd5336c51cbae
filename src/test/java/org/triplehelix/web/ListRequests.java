package org.triplehelix.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The requests the list-order tests make of a list's page and API (demands, challenges, talent programs). */
public final class ListRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ListRequests() {
    }

    /** The list page at this path in this language with these parameters (name, value, …), answered with this status as HTML. */
    public static MockHttpServletResponse page(MockMvc mvc, String path, int status, String lang, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get(path).param("lang", lang);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET " + path).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("text/html");
        return response;
    }

    /** The list API at this path refuses this unknown sort: a 400 problem detail naming {@code sort}, the orders it knows and the one given. */
    public static void refusesSort(MockMvc mvc, String apiPath, String sort, String ordersKnown) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(apiPath).param("sort", sort)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("field").asString()).isEqualTo("sort");
        assertThat(problem.get("detail").asString()).contains(ordersKnown).contains(sort);
    }
}
