package io.aftercart.platform.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderMoneyTest {

    private final OrderMoney order = OrderMoney.NONE.withTotal(new BigDecimal("100"));

    @Test
    void aReturnAndTheRefundThatSettlesItCountOnce() {
        OrderMoney returned = order.plusReturned(new BigDecimal("30")).plusRefund(new BigDecimal("30"));
        assertThat(returned.net()).isEqualByComparingTo("70");
    }

    @Test
    void aReturnWithoutARefundEventStillCounts() {
        assertThat(order.plusReturned(new BigDecimal("30")).net()).isEqualByComparingTo("70");
    }

    @Test
    void cancellationsAndReturnsAddUpAgainstTheRefunds() {
        OrderMoney settled = order.plusCancelled(new BigDecimal("20")).plusReturned(new BigDecimal("30"))
                .plusRefund(new BigDecimal("40"));
        assertThat(settled.moneyBack()).isEqualByComparingTo("50");
        assertThat(settled.net()).isEqualByComparingTo("50");
    }

    @Test
    void aRefundBeyondTheOrderMakesItNegative() {
        assertThat(order.plusRefund(new BigDecimal("120")).net()).isEqualByComparingTo("-20");
    }
}
