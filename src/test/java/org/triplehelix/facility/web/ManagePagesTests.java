package org.triplehelix.facility.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.triplehelix.facility.ProfileChange;
import org.triplehelix.shared.InvalidInputException;

/** How the profile form's numbers are read before the rules check them. */
class ManagePagesTests {

    /**
     * A lead time of 99999999999 minutes was refused as "a whole number is expected", which it is: it is read as the
     * largest int, so that the lead time's own bound refuses it with its range in the page's language.
     */
    @Test
    void aWholeNumberBeyondAnIntIsReadAsTheNearestIntNotAsNoNumber() {
        List<InvalidInputException> refusals = new ArrayList<>();
        ProfileChange change = ManagePages.change(Map.of("leadMinutes", "99999999999", "horizonDays", "-99999999999",
                "minMinutes", "1000000000", "maxMinutes", "12x"), refusals);
        assertThat(change.leadMinutes()).isEqualTo(Integer.MAX_VALUE);
        assertThat(change.horizonDays()).isEqualTo(Integer.MIN_VALUE);
        assertThat(change.minMinutes()).isEqualTo(1_000_000_000);
        assertThat(refusals).singleElement().satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo("maxMinutes");
            assertThat(refusal.key()).isEqualTo("form.wholeNumber");
        });
    }
}
