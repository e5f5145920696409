package io.aftercart.intelligence.churn.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One order as the models see it: its day, its net value and the currency of that value. */
public record Purchase(LocalDate day, BigDecimal netValue, String currency) {
}
