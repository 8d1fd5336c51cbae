package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.triplehelix.shared.InvalidInputException;

/** Fees by rate class and unit, rounded to the fen. */
class FeeScheduleTests {

    final FeeSchedule hourly = new FeeSchedule(FeeUnit.HOUR, new BigDecimal("120"), new BigDecimal("333.33"));
    final FeeSchedule perSample = new FeeSchedule(FeeUnit.SAMPLE, new BigDecimal("45.5"), new BigDecimal("80"));

    @Test
    void anHourlyInstrumentChargesTheRateOfTheClassTimesTheHours() {
        assertThat(hourly.charge(RateClass.INTERNAL, Usage.of("2.5", null)).amount()).isEqualByComparingTo("300.00");
        Charge external = hourly.charge(RateClass.EXTERNAL, Usage.of("1.25", null));
        assertThat(external.amount()).isEqualTo(new BigDecimal("416.66"));    // 416.6625 rounded half up
        assertThat(external.unitRate()).isEqualTo(new BigDecimal("333.33"));
        assertThat(external.quantity()).isEqualTo(new BigDecimal("1.25"));
        assertThat(hourly.charge(RateClass.EXTERNAL, Usage.of("0.03", null)).amount()).isEqualTo(new BigDecimal("10.00")); // 9.9999
    }

    @Test
    void aPerSampleInstrumentChargesTheSamplesAndNeedsTheirNumber() {
        assertThat(perSample.charge(RateClass.INTERNAL, Usage.of("3", 12)).amount()).isEqualTo(new BigDecimal("546.00"));
        assertThat(perSample.charge(RateClass.EXTERNAL, Usage.of("3", 12)).amount()).isEqualTo(new BigDecimal("960.00"));
        assertThatThrownBy(() -> perSample.charge(RateClass.EXTERNAL, Usage.of("3", null)))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("samples");
    }

    @Test
    void aFreeInstrumentChargesNothing() {
        assertThat(FeeSchedule.FREE.charge(RateClass.EXTERNAL, Usage.of("8", null)).amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void ratesAreYuanToTheFenAndNeverNegative() {
        assertThatThrownBy(() -> new FeeSchedule(FeeUnit.HOUR, new BigDecimal("-1"), BigDecimal.ONE))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("internalRate");
        assertThatThrownBy(() -> new FeeSchedule(FeeUnit.HOUR, BigDecimal.ONE, new BigDecimal("1.005")))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("externalRate");
        assertThat(new FeeSchedule(FeeUnit.HOUR, new BigDecimal("100"), new BigDecimal("1.50")).internalRate()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void usageIsPositiveHoursToTheHundredth() {
        assertThatThrownBy(() -> Usage.of("0", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Usage.of("1.005", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Usage.of("1", -1)).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("samples");
        assertThat(Usage.hoursOf(Duration.ofMinutes(100))).isEqualTo(new BigDecimal("1.67"));
    }
}
