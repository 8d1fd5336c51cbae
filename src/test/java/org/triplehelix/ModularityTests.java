package org.triplehelix;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** No module reaches into another's internals, and there are no cycles between modules. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(TripleHelixApplication.class).verify();
    }
}
