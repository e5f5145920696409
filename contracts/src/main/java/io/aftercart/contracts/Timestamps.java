package io.aftercart.contracts;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 date-times: read as clients send them, with an offset ({@code +01:00}) or in UTC ({@code Z}), and written
 * as {@link Instant#toString()} does. Every event carries one or two timestamps and every service reads and writes
 * them, so the common forms are handled directly, several times faster than the JDK's general formatter, and
 * everything else is left to the JDK.
 */
public final class Timestamps {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final int NANOS_PER_MILLI = 1_000_000;
    private static final int NANOS_PER_MICRO = 1_000;
    private static final int MAX_OFFSET_HOURS = 18;
    private static final long MIN_FOUR_DIGIT_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long MAX_FOUR_DIGIT_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private Timestamps() {
    }

    /** The instant, or null when the text is not an ISO-8601 date-time with an offset. */
    public static Instant parse(String text) {
        Instant common = parseCommonForm(text);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Reads the form SDKs and {@link #format} write, {@code 2025-03-10T15:00:00[.fraction](Z|+hh:mm)}, directly; it
     * returns null for anything else, and {@link OffsetDateTime#parse} decides.
     */
    static Instant parseCommonForm(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int at = 19;
        int nanos = 0;
        if (text.charAt(at) == '.') {
            int fractionEnd = at + 1;
            while (fractionEnd < length && isDigit(text.charAt(fractionEnd))) {
                fractionEnd++;
            }
            int fractionDigits = fractionEnd - at - 1;
            if (fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, at + 1, fractionEnd);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
            at = fractionEnd;
        }
        int offsetSeconds = offsetSeconds(text, at);
        if (offsetSeconds == Integer.MIN_VALUE) {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return null;
        }
        long epochSecond = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Exactly {@link Instant#toString()}: UTC, the fraction in groups of three digits and only when not zero. */
    public static String format(Instant instant) {
        long epochDay = Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY);
        if (epochDay < MIN_FOUR_DIGIT_DAY || epochDay > MAX_FOUR_DIGIT_DAY) {
            return instant.toString(); // years outside 0000-9999 carry a sign
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int secondOfDay = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
        int nanos = instant.getNano();
        StringBuilder text = new StringBuilder(30);
        pad(text, date.getYear(), 4).append('-');
        pad(text, date.getMonthValue(), 2).append('-');
        pad(text, date.getDayOfMonth(), 2).append('T');
        pad(text, secondOfDay / 3600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        if (nanos > 0) {
            text.append('.');
            if (nanos % NANOS_PER_MILLI == 0) {
                pad(text, nanos / NANOS_PER_MILLI, 3);
            } else if (nanos % NANOS_PER_MICRO == 0) {
                pad(text, nanos / NANOS_PER_MICRO, 6);
            } else {
                pad(text, nanos, 9);
            }
        }
        return text.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                text.append('0');
            }
        }
        return text.append(value);
    }

    /** {@code Z} or {@code ±hh:mm} ending the text at {@code at}; {@link Integer#MIN_VALUE} for anything else. */
    private static int offsetSeconds(String text, int at) {
        int remaining = text.length() - at;
        if (remaining == 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        char sign = remaining == 6 ? text.charAt(at) : ' ';
        if ((sign != '+' && sign != '-') || text.charAt(at + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        int hours = digits(text, at + 1, at + 3);
        int minutes = digits(text, at + 4, at + 6);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours > MAX_OFFSET_HOURS
                || (hours == MAX_OFFSET_HOURS && minutes > 0)) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    /** The non-negative number written in {@code text[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
