package org.triplehelix.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A milestone's status from its dates and the latest report; the rubric's weighted total. */
class MilestoneStatusTests {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 5, 1);   // 120 days

    @Test
    void doneAtFullProgressEvenWhenLate() {
        assertThat(MilestoneStatus.of(START, DUE, 100, DUE.plusDays(30))).isEqualTo(MilestoneStatus.DONE);
    }

    @Test
    void lateOncePastTheDueDate() {
        assertThat(MilestoneStatus.of(START, DUE, 90, DUE.plusDays(1))).isEqualTo(MilestoneStatus.LATE);
        assertThat(MilestoneStatus.of(START, DUE, null, DUE.plusDays(1))).isEqualTo(MilestoneStatus.LATE);
    }

    @Test
    void atRiskWhenProgressLagsTheTimeElapsed() {
        LocalDate halfway = START.plusDays(60);                      // 50 % of the time gone
        assertThat(MilestoneStatus.of(START, DUE, 30, halfway)).isEqualTo(MilestoneStatus.ON_TRACK);   // 25 points behind: tolerated
        assertThat(MilestoneStatus.of(START, DUE, 24, halfway)).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(MilestoneStatus.of(START, DUE, null, halfway)).isEqualTo(MilestoneStatus.AT_RISK);
    }

    @Test
    void atRiskInTheLastTwoWeeksBelowThreeQuarters() {
        assertThat(MilestoneStatus.of(START, DUE, 74, DUE.minusDays(10))).isEqualTo(MilestoneStatus.AT_RISK);
        assertThat(MilestoneStatus.of(START, DUE, 90, DUE.minusDays(10))).isEqualTo(MilestoneStatus.ON_TRACK);
    }

    @Test
    void onTrackAtTheStartWithoutReports() {
        assertThat(MilestoneStatus.of(START, DUE, null, START)).isEqualTo(MilestoneStatus.ON_TRACK);
        assertThat(MilestoneStatus.of(START, DUE, null, START.minusDays(5))).isEqualTo(MilestoneStatus.ON_TRACK);
    }

    @Test
    void theWeightedTotalOfTheDefaultRubric() {
        BigDecimal total = Reviews.total(Criterion.DEFAULT, java.util.Map.of("merit", 90, "team", 80, "feasibility", 70, "budget", 60));
        assertThat(total).isEqualByComparingTo("80.00");   // 36 + 24 + 14 + 6
    }

    @Test
    void attachmentsAreCheckedByExtensionContentAndSize() {
        byte[] pdf = "%PDF-1.7 test".getBytes();
        assertThat(Applications.typeOf("plan.pdf", pdf)).isEqualTo("application/pdf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Applications.typeOf("plan.exe", pdf)).hasMessageContaining("only PDF");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Applications.typeOf("plan.pdf", "MZ".getBytes())).hasMessageContaining("not PDF");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Applications.typeOf("big.pdf", new byte[Applications.MAX_ATTACHMENT_BYTES + 1]))
                .hasMessageContaining("larger than 5 MB");
    }

    @Test
    void theArchiveReadsItsSourceWithLineNumbers() {
        var calls = CallArchive.read();
        assertThat(calls).hasSizeGreaterThan(15_000);
        assertThat(calls.getFirst().sourceLine()).isEqualTo(2);
        assertThat(calls.getFirst().title()).doesNotStartWith("[申报中]").contains("岩石圈演化国家重点实验室");
        assertThat(CallArchive.fields("1,\"a, b\",\"say \"\"hi\"\"\",x")).containsExactly("1", "a, b", "say \"hi\"", "x");
    }
}
