package io.aftercart.collector.internal;

/**
 * Strict UTF-8 check of raw input. Jackson's parser lets some invalid sequences through (overlong forms, code points
 * above U+10FFFF in property names) and turns them into lone surrogates, which no consumer can then read back from
 * the canonical topic; such input is refused before parsing.
 *
 * <p>It accepts exactly what the JDK's UTF-8 decoder accepts (the well-formed sequences of Unicode's table 3-7),
 * without decoding into a buffer: every request body passes through here.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static boolean isValid(byte[] bytes) {
        int i = 0;
        int length = bytes.length;
        while (i < length) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            int trailing;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (lead >= 0xC2 && lead <= 0xDF) {
                trailing = 1;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                trailing = 2;
                if (lead == 0xE0) {
                    secondMin = 0xA0; // shorter forms are overlong
                } else if (lead == 0xED) {
                    secondMax = 0x9F; // U+D800..U+DFFF are surrogates, not characters
                }
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                trailing = 3;
                if (lead == 0xF0) {
                    secondMin = 0x90; // overlong
                } else if (lead == 0xF4) {
                    secondMax = 0x8F; // beyond U+10FFFF
                }
            } else {
                return false;
            }
            if (i + trailing >= length) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= trailing; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += trailing + 1;
        }
        return true;
    }
}
