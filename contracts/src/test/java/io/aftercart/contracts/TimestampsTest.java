package io.aftercart.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-10T15:00:00Z", "2025-03-10T15:00:00.123Z", "2024-02-29T23:59:59.123456789+14:00",
            "1999-12-31T00:00:00.5-03:30", "0000-01-01T00:00:00Z", "2025-03-10T15:00:00-00:00",
            "2025-03-10T15:00:00.000001+18:00"})
    void readsTheFormSdksWriteDirectlyAndAsTheJdkDoes(String text) {
        assertThat(Timestamps.parseCommonForm(text)).isNotNull().isEqualTo(jdk(text));
        assertThat(Timestamps.parse(text)).isEqualTo(jdk(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-10t15:00:00z", "2025-03-10T15:00Z", "2025-03-10T15:00:00+01:00:30",
            "+12025-03-10T15:00:00Z", "2025-03-10T15:00:00.Z"})
    void leavesRarerFormsToTheJdk(String text) {
        assertThat(Timestamps.parseCommonForm(text)).isNull();
        assertThat(Timestamps.parse(text)).isNotNull().isEqualTo(jdk(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-02-29T15:00:00Z", "2025-13-10T15:00:00Z", "2025-03-10T24:00:00Z",
            "2025-03-10T15:60:00Z", "2025-03-10T15:00:60Z", "2025-03-10T15:00:00+18:01", "2025-03-10T15:00:00+19:00",
            "2025-03-10T15:00:00", "2025-03-10T15:00:00.1234567890Z", "2025-03-10 15:00:00Z",
            "2025-03-10T15:00:00+0100", "2025-03-10T15:00:00+01:60", "yesterday", "", "2025-03-10T15:00:00ZZ",
            "2025-03-1OT15:00:00Z", "2025-03-10T15:00:00 Z"})
    void refusesWhatTheJdkRefuses(String text) {
        assertThat(Timestamps.parse(text)).isNull();
        assertThat(jdk(text)).isNull();
    }

    /** Random near-misses of the common form: whenever the direct reading answers, the JDK answers the same. */
    @Test
    void neverDisagreesWithTheJdk() {
        Random random = new Random(11);
        String template = "2024-02-29T23:59:59.123456789+18:00";
        String alphabet = "0123456789-+:.TZ ";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder(template.substring(0, 20 + random.nextInt(16)));
            for (int changes = random.nextInt(4); changes > 0; changes--) {
                text.setCharAt(random.nextInt(text.length()), alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                text.append(random.nextBoolean() ? "Z" : "-05:30");
            }
            Instant direct = Timestamps.parseCommonForm(text.toString());
            if (direct != null) {
                assertThat(direct).as(text.toString()).isEqualTo(jdk(text.toString()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-03-10T15:00:00Z", "2025-03-10T15:00:00.100Z", "2025-03-10T15:00:00.000001Z",
            "2025-03-10T15:00:00.000000001Z", "2025-03-10T15:00:00.120300Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z", "+10000-01-01T00:00:00Z",
            "-0001-12-31T23:59:59Z"})
    void writesWhatInstantToStringWrites(String text) {
        Instant instant = Instant.parse(text);
        assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
    }

    /** Random instants over five centuries, with whole, milli-, micro- and nanosecond fractions. */
    @Test
    void neverWritesOtherwiseThanTheJdk() {
        Random random = new Random(5);
        long from = Instant.parse("1800-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2300-01-01T00:00:00Z").getEpochSecond();
        int[] fractionSteps = {1_000_000_000, 1_000_000, 1_000, 1};
        for (int n = 0; n < 100_000; n++) {
            int step = fractionSteps[random.nextInt(fractionSteps.length)];
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000 / step) * step);
            assertThat(Timestamps.format(instant)).isEqualTo(instant.toString());
        }
    }

    private static Instant jdk(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
