package io.aftercart.collector;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.lang.reflect.Field;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteKeysTest {

    private final WriteKeys keys = new WriteKeys();

    @Test
    void findsTheSourceOfARegisteredKey() {
        keys.register("web", "wk_web_secret");
        keys.register("erp", "wk_erp_secret");

        assertThat(keys.sourceOf("wk_web_secret")).contains("web");
        assertThat(keys.sourceOf("wk_erp_secret")).contains("erp");
        assertThat(keys.isEmpty()).isFalse();
    }

    @Test
    void knowsNoSourceForUnknownOrEmptyKeys() {
        keys.register("web", "wk_web_secret");

        assertThat(keys.sourceOf("wk_web_secreT")).isEmpty();
        assertThat(keys.sourceOf("")).isEmpty();
        assertThat(keys.sourceOf(null)).isEmpty();
        assertThat(new WriteKeys().isEmpty()).isTrue();
    }

    @Test
    void keepsOnlyTheSha256OfEachKey() throws Exception {
        keys.register("web", "wk_web_secret");

        Map<?, ?> kept = keptEntries();
        String hash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("wk_web_secret".getBytes(UTF_8)));
        assertThat(kept).isEqualTo(Map.of(hash, "web"));
        assertThat(kept.toString()).doesNotContain("wk_web_secret");
    }

    @Test
    void issuesLongRandomKeysThatAuthenticateTheirSource() {
        String first = keys.issue("checkout");
        String second = keys.issue("checkout");

        assertThat(first).startsWith("wk_").hasSize(3 + 48).isNotEqualTo(second);
        assertThat(first.substring(3)).matches("[0-9a-f]+");
        assertThat(keys.sourceOf(first)).contains("checkout");
        assertThat(keys.sourceOf(second)).contains("checkout");
    }

    @Test
    void refusesSourcesWithoutNameOrKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> keys.register("", "wk"));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.register("web", " "));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.register(null, "wk"));
        assertThatIllegalArgumentException().isThrownBy(() -> keys.register("web", null));
        assertThat(keys.isEmpty()).isTrue();
    }

    private Map<?, ?> keptEntries() throws IllegalAccessException {
        for (Field field : WriteKeys.class.getDeclaredFields()) {
            if (Map.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                return (Map<?, ?>) field.get(keys);
            }
        }
        throw new AssertionError("WriteKeys keeps no map");
    }
}
