package io.aftercart.collector.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;

/**
 * Strict UTF-8 check of raw input. Jackson's parser lets some invalid sequences through (overlong forms, code points
 * above U+10FFFF in property names) and turns them into lone surrogates, which no consumer can then read back from
 * the canonical topic; such input is refused before parsing.
 */
public final class Utf8 {

    private Utf8() {
    }

    public static boolean isValid(byte[] bytes) {
        try {
            UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
