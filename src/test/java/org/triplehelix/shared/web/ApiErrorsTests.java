package org.triplehelix.shared.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.triplehelix.shared.InvalidInputException;
import org.triplehelix.shared.UnavailableException;

/** The typed errors as problem details: the field at fault, and an unavailable service without its internals. */
class ApiErrorsTests {

    @RestController
    static class Failing {

        @GetMapping("/unavailable")
        String unavailable() {
            throw new UnavailableException("search", "the search cluster at http://10.0.0.7:9200/ is unreachable (connection refused)");
        }

        @GetMapping("/invalid")
        String invalid() {
            throw new InvalidInputException("k", "k must be between 1 and 1000");
        }

        @GetMapping("/invalid-keyed")
        String invalidKeyed() {
            throw new InvalidInputException("trl", "the technology readiness level is 1 to 9", "matching.demand.error.trl", 9);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing()).setControllerAdvice(new ApiErrors()).build();

    @Test
    void anUnavailableServiceIs503AndHidesWhereItRuns() throws Exception {
        mvc.perform(get("/unavailable"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value("the search service is unavailable; try again later"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("10.0.0.7"))));
    }

    @Test
    void invalidInputNamesTheField() throws Exception {
        mvc.perform(get("/invalid")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("k"));
    }

    @Test
    void aMessageKeyChangesNothingInTheProblem() throws Exception {
        mvc.perform(get("/invalid-keyed"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("trl"))
                .andExpect(jsonPath("$.detail").value("the technology readiness level is 1 to 9"))
                .andExpect(jsonPath("$.key").doesNotExist())
                .andExpect(jsonPath("$.args").doesNotExist());
    }
}
