package io.aftercart.collector.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The validator must accept exactly what the JDK's strict UTF-8 decoder accepts. */
class Utf8Test {

    @Test
    void agreesWithTheJdkOnEveryLeadAndSecondByte() {
        byte[][] tails = {{}, {(byte) 0x80}, {(byte) 0x80, (byte) 0x80}, {(byte) 0xBF, (byte) 0xBF, (byte) 0xBF},
                {(byte) 0x80, 'a'}, {'a'}};
        for (int lead = 0; lead < 256; lead++) {
            for (int second = 0; second < 256; second++) {
                for (byte[] tail : tails) {
                    byte[] input = new byte[2 + tail.length];
                    input[0] = (byte) lead;
                    input[1] = (byte) second;
                    System.arraycopy(tail, 0, input, 2, tail.length);
                    assertAgreesWithJdk(input);
                }
            }
            assertAgreesWithJdk(new byte[] {(byte) lead});
        }
    }

    @Test
    void agreesWithTheJdkOnRandomInput() {
        Random random = new Random(7);
        byte[] alphabet = {'a', '{', '"', 0, (byte) 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F,
                (byte) 0xA0, (byte) 0xBF, (byte) 0xC0, (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE1,
                (byte) 0xEC, (byte) 0xED, (byte) 0xEE, (byte) 0xEF, (byte) 0xF0, (byte) 0xF1, (byte) 0xF3, (byte) 0xF4,
                (byte) 0xF5, (byte) 0xFF};
        for (int n = 0; n < 200_000; n++) {
            byte[] input = new byte[random.nextInt(9)];
            for (int i = 0; i < input.length; i++) {
                input[i] = alphabet[random.nextInt(alphabet.length)];
            }
            assertAgreesWithJdk(input);
        }
    }

    @Test
    void acceptsTextInAnyScript() {
        assertThat(Utf8.isValid("Zoë ordered 3× 😀 from 東京 for €12".getBytes(UTF_8))).isTrue();
        assertThat(Utf8.isValid(new byte[0])).isTrue();
    }

    private static void assertAgreesWithJdk(byte[] input) {
        assertThat(Utf8.isValid(input)).as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(input))
                .isEqualTo(jdkAccepts(input));
    }

    private static boolean jdkAccepts(byte[] input) {
        try {
            UTF_8.newDecoder().decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
