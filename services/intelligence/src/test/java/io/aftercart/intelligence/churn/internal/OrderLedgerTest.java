package io.aftercart.intelligence.churn.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.intelligence.churn.PurchaseSummary;
import io.aftercart.intelligence.churn.internal.OrderFact.Kind;
import io.aftercart.platform.reporting.CurrencyConverter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderLedgerTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 1);
    private static final OrderLedger LEDGER =
            new OrderLedger(new CurrencyConverter("EUR", Map.of("GBP", new BigDecimal("1.20"))));

    @Test
    void netsCancellationsRefundsAndReturnsPerOrder() {
        List<OrderFact> facts = List.of(
                completed("e1", "o1", DAY, "100"),
                completed("e2", "o2", DAY, "40"),          // same day as o1: one purchase day
                completed("e3", "o3", DAY.plusDays(7), "50"),
                deduction("e4", "o3", Kind.RETURNED, "30"),
                deduction("e5", "o3", Kind.REFUNDED, "30"),  // the refund of that return: counted once
                completed("e6", "o4", DAY.plusDays(9), "70"),
                deduction("e7", "o4", Kind.CANCELLED, null), // cancelled entirely: never a purchase
                completed("e8", "o5", DAY.plusDays(12), "60"),
                deduction("e9", "o5", Kind.CANCELLED, "10"),
                deduction("e10", "o6", Kind.REFUNDED, "5"));  // an order not seen yet: nothing to net
        PurchaseSummary summary = PurchaseSummaries.summarize("c", LEDGER.purchases(facts));
        assertThat(summary.purchaseDays()).isEqualTo(3);
        assertThat(summary.repeatPurchases()).isEqualTo(2);
        assertThat(summary.recency(1)).isEqualTo(12);
        assertThat(summary.totalSpend()).isEqualByComparingTo("210");
        assertThat(summary.repeatSpend()).isEqualByComparingTo("70");
        assertThat(summary.meanRepeatSpend()).isEqualTo(35.0);
    }

    @Test
    void arrivalOrderDoesNotMatter() {
        List<OrderFact> facts = new ArrayList<>(List.of(completed("e1", "o1", DAY, "20"),
                deduction("e2", "o1", Kind.REFUNDED, "25"), completed("e3", "o2", DAY.plusDays(3), "10"),
                deduction("e4", "o2", Kind.CANCELLED, "10")));
        PurchaseSummary expected = PurchaseSummaries.summarize("c", LEDGER.purchases(facts));
        Random random = new Random(3);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(facts, random);
            assertThat(PurchaseSummaries.summarize("c", LEDGER.purchases(facts))).isEqualTo(expected);
        }
        assertThat(expected.purchaseDays()).isEqualTo(1);
        assertThat(expected.totalSpend()).isEqualByComparingTo("-5"); // refunds above the order value are kept
    }

    @Test
    void aCancellationOrReturnAndTheRefundOfTheSameMoneyCountOnce() {
        List<OrderFact> facts = List.of(
                completed("e1", "o1", DAY, "100"),
                deduction("e2", "o1", Kind.CANCELLED, "20"),
                deduction("e3", "o1", Kind.RETURNED, "30"),
                deduction("e4", "o1", Kind.REFUNDED, "50"));
        assertThat(LEDGER.purchases(facts)).singleElement()
                .satisfies(p -> assertThat(p.netValue()).isEqualByComparingTo("50")); // 100 - max(50, 20 + 30)
    }

    @Test
    void convertsIntoTheReportingCurrencyAndLeavesOutAmountsWithoutARate() {
        List<OrderFact> facts = List.of(
                new OrderFact("e1", "c", "o1", Kind.COMPLETED, DAY, new BigDecimal("50"), "GBP"),
                new OrderFact("e2", "c", "o1", Kind.REFUNDED, null, new BigDecimal("10"), "GBP"),
                new OrderFact("e3", "c", "o1", Kind.RETURNED, null, new BigDecimal("99"), "JPY"),
                new OrderFact("e4", "c", "o2", Kind.COMPLETED, DAY.plusDays(1), new BigDecimal("70"), "USD"),
                new OrderFact("e5", "c", "o3", Kind.COMPLETED, DAY.plusDays(2), new BigDecimal("5"), null));
        PurchaseSummary summary = PurchaseSummaries.summarize("c", LEDGER.purchases(facts));
        assertThat(summary.purchaseDays()).as("the USD order cannot be valued").isEqualTo(2);
        assertThat(summary.totalSpend()).isEqualByComparingTo("53"); // (50 - 10) * 1.2 + 5; JPY left out
        assertThat(summary.currency()).isEqualTo("EUR");
    }

    @Test
    void noPurchaseLeftMeansNoSummary() {
        assertThat(PurchaseSummaries.summarize("c", LEDGER.purchases(List.of(completed("e1", "o1", DAY, "20"),
                deduction("e2", "o1", Kind.CANCELLED, "20"))))).isNull();
    }

    private static OrderFact completed(String id, String order, LocalDate day, String amount) {
        return new OrderFact(id, "c", order, Kind.COMPLETED, day, new BigDecimal(amount), "EUR");
    }

    private static OrderFact deduction(String id, String order, Kind kind, String amount) {
        return new OrderFact(id, "c", order, kind, null, amount == null ? null : new BigDecimal(amount), "EUR");
    }
}
