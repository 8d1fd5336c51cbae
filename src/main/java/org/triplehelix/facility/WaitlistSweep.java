package org.triplehelix.facility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Every minute, in the web platform: waitlist offers past their time expire and pass to the next
 * in line (reading one's own waitlist does the same at once).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
class WaitlistSweep {

    private static final Logger log = LoggerFactory.getLogger(WaitlistSweep.class);

    private final Waitlist waitlist;

    WaitlistSweep(Waitlist waitlist) {
        this.waitlist = waitlist;
    }

    @Scheduled(fixedDelayString = "${helix.facility.waitlist-sweep:PT1M}", initialDelayString = "PT1M")
    void expireOffers() {
        try {
            int expired = waitlist.expireOffers();
            if (expired > 0) {
                log.info("Waitlist: {} offers expired and passed on", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Waitlist sweep failed: {}", e.getMessage());
        }
    }
}
