package org.triplehelix.facility;

import java.math.BigDecimal;

/** A booking's fee: the unit and rate applied, the quantity charged and the amount (CNY). */
public record Charge(FeeUnit unit, RateClass rateClass, BigDecimal unitRate, BigDecimal quantity, BigDecimal amount) {
}
