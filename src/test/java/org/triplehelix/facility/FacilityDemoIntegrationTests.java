package org.triplehelix.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** The facility demo on two demo-like facilities: profiles, months of bookings, fees, no overlap, once only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FacilityDemoIntegrationTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    FacilityDemo demo;
    @Autowired
    FacilityCatalog catalog;

    @Test
    void seedsProfilesAndMonthsOfBookingsOnce() {
        FacilityFixtures fixtures = FacilityFixtures.of(context);
        long owner = fixtures.access().organization("Demo Laboratory", null);
        String instrument = fixtures.facility("demo-fdt-", "测序仪", owner);
        String facility = fixtures.facility("demo-fdt-", "强磁场装置", owner);
        fixtures.jdbc().sql("update facility set type = 'major_facility' where ext_id = :e").param("e", facility).update();
        List<Long> ids = List.of(fixtures.facilityId(instrument), fixtures.facilityId(facility));
        LocalDate today = LocalDate.now(FacilityTime.ZONE);

        int made = demo.seed(ids, today);

        assertThat(made).isGreaterThan(60);
        Instrument sequencer = catalog.instrument(instrument);
        assertThat(sequencer.profile().stored()).isTrue();
        assertThat(sequencer.fees().unit()).isEqualTo(FeeUnit.SAMPLE);
        assertThat(sequencer.profile().location().zh()).startsWith("示例");
        assertThat(catalog.instrument(facility).rules().openingHours().days()).hasSize(7);
        long completed = fixtures.count("select count(*) from booking where facility_id = any(?) and status = 'completed' "
                + "and fee is not null and usage_confirmed_at is not null", (Object) ids.toArray(Long[]::new));
        long future = fixtures.count("select count(*) from booking where facility_id = any(?) and status in ('approved', 'pending') "
                + "and lower(period) > now()", (Object) ids.toArray(Long[]::new));
        assertThat(completed).isGreaterThan(30);
        // about half the use is the owning organization's own (internal), the rest external
        long internal = fixtures.count("select count(*) from booking where facility_id = any(?) and rate_class = 'internal'",
                (Object) ids.toArray(Long[]::new));
        long all = fixtures.count("select count(*) from booking where facility_id = any(?)", (Object) ids.toArray(Long[]::new));
        assertThat(internal).isBetween(all / 4, all * 3 / 4);
        assertThat(future).isGreaterThan(5);
        assertThat(fixtures.count("select count(*) from booking where facility_id = ? and used_samples is null and status = 'completed'",
                ids.getFirst())).isZero();
        assertThat(fixtures.count("select count(*) from app_user where email like 'demo-booker-%' and status = 'disabled'"))
                .isEqualTo(FacilityDemo.BOOKERS);
        // a second run leaves profiled facilities alone
        assertThat(demo.seed(ids, today)).isZero();
    }
}
