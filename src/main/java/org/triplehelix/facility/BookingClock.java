package org.triplehelix.facility;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The time bookings are judged by (a component of its own, so no other module's Clock bean clashes). */
@Component
class BookingClock {

    private final Clock clock = Clock.systemUTC();

    Instant now() {
        return clock.instant();
    }
}
