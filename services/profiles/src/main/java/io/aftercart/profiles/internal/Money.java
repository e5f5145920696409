package io.aftercart.profiles.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One written form per amount (at most 6 decimals, at least 2), so equal amounts always compare and print equal. */
final class Money {

    private static final int MAX_SCALE = 6;

    private Money() {
    }

    static BigDecimal of(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.setScale(MAX_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    static BigDecimal ratio(BigDecimal amount, long count) {
        return of(amount.divide(BigDecimal.valueOf(count), MAX_SCALE, RoundingMode.HALF_EVEN));
    }
}
