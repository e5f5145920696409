package io.aftercart.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WholePeriodsTest {

    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    @Test
    void monthsSplitIntoWholeYearsAndTheMonthsAround() {
        // months are year * 12 + month of year - 1: March 2024 up to (not including) February 2026
        assertThat(years(2024 * 12 + 2, 2026 * 12 + 1))
                .isEqualTo(new WholePeriods(2025, 2026, 2024 * 12 + 2, 2025 * 12, 2026 * 12, 2026 * 12 + 1));
        // whole years only: no months before or after them
        assertThat(years(2024 * 12, 2026 * 12))
                .isEqualTo(new WholePeriods(2024, 2026, 2024 * 12, 2024 * 12, 2026 * 12, 2026 * 12));
    }

    @Test
    void aRangeWithoutAWholePeriodIsAllFineUnits() {
        // November 2024 to January 2025: across a new year, yet no year whole
        WholePeriods split = years(2024 * 12 + 10, 2025 * 12 + 1);
        assertThat(split.coarseFrom()).isEqualTo(split.coarseTo());
        assertThat(split.fineFrom()).isEqualTo(2024 * 12 + 10);
        assertThat(split.headTo()).isEqualTo(2025 * 12 + 1);
        assertThat(split.tailFrom()).isEqualTo(split.fineTo());
    }

    @Test
    void negativeUnitsSplitLikeAnyOther() {
        assertThat(years(-13, 1)).isEqualTo(new WholePeriods(-1, 0, -13, -12, 0, 1));
    }

    @Test
    void openEndsStayOpenWithNothingBeyondTheWholePeriods() {
        assertThat(years(MIN, MAX)).isEqualTo(new WholePeriods(MIN, MAX, MIN, MIN, MAX, MAX));
        assertThat(years(2024 * 12 + 5, MAX))
                .isEqualTo(new WholePeriods(2025, MAX, 2024 * 12 + 5, 2025 * 12, MAX, MAX));
    }

    private static WholePeriods years(int fromMonth, int toMonth) {
        return WholePeriods.of(fromMonth, toMonth, 12);
    }
}
