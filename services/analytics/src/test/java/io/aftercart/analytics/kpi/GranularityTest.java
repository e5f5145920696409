package io.aftercart.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GranularityTest {

    @Test
    void numbersPeriodsSoThatConsecutivePeriodsDifferByOne() {
        LocalDate sunday = LocalDate.parse("2011-01-02");
        LocalDate monday = sunday.plusDays(1);

        assertThat(Granularity.WEEK.index(monday) - Granularity.WEEK.index(sunday)).isEqualTo(1);
        assertThat(Granularity.MONTH.index(LocalDate.parse("2011-01-31"))
                - Granularity.MONTH.index(LocalDate.parse("2010-12-01"))).isEqualTo(1);
        assertThat(Granularity.DAY.index(monday) - Granularity.DAY.index(sunday)).isEqualTo(1);
    }

    @Test
    void startsAPeriodOnItsFirstDayAlsoBefore1970() {
        for (LocalDate date = LocalDate.parse("1969-12-01"); date.isBefore(LocalDate.parse("1970-02-01"));
                date = date.plusDays(1)) {
            LocalDate weekStart = Granularity.WEEK.start(Granularity.WEEK.index(date));
            assertThat(weekStart.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(date.toEpochDay() - weekStart.toEpochDay()).isBetween(0L, 6L);
            assertThat(Granularity.MONTH.start(Granularity.MONTH.index(date))).isEqualTo(date.withDayOfMonth(1));
            assertThat(Granularity.DAY.start(Granularity.DAY.index(date))).isEqualTo(date);
        }
    }

    @Test
    void parsesNamesInAnyCase() {
        assertThat(Granularity.parse(" Week ")).isEqualTo(Granularity.WEEK);
        assertThatIllegalArgumentException().isThrownBy(() -> Granularity.parse("year"));
    }
}
