package io.aftercart.profiles.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiProtectorTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final PiiProtector pii = new PiiProtector(key(7));

    @Test
    void hashesNormalisedValuesWithTheKeyAndEncryptsThemReversibly() {
        ProtectedValue email = pii.email(" Ann@Example.COM ");

        assertThat(email.hash()).isEqualTo(pii.emailHash("ann@example.com")).hasSize(64).doesNotContain("ann");
        assertThat(email.hash()).isNotEqualTo(new PiiProtector(key(8)).emailHash("ann@example.com"));
        assertThat(email.cipher()).doesNotContain("ann").doesNotContain("example");
        assertThat(pii.decrypt(email.cipher())).isEqualTo("ann@example.com");
        assertThat(pii.email("ann@example.com").cipher()).as("a fresh nonce each time").isNotEqualTo(email.cipher());
        assertThat(pii.phone("+44 (20) 7946-0958").hash()).isEqualTo(pii.phone("+442079460958").hash());
        assertThat(pii.decrypt(pii.phone("+44 (20) 7946-0958").cipher())).isEqualTo("+442079460958");
        assertThat(pii.email("  ")).isNull();
        assertThat(pii.phone("n/a")).isNull();
    }

    @Test
    void refusesAnotherKeysCipherTextAndShortKeys() {
        String cipher = pii.email("ann@example.com").cipher();

        assertThatThrownBy(() -> new PiiProtector(key(8)).decrypt(cipher)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PiiProtector(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PiiKeys.configured("c2hvcnQ=")).hasMessageNotContaining("c2hvcnQ=");
    }

    @Test
    void generatesAnOwnerOnlyKeyFileOnceAndReusesIt(@TempDir Path dataDir) throws Exception {
        byte[] first = PiiKeys.fromKeyFile(dataDir);
        byte[] second = PiiKeys.fromKeyFile(dataDir);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(PiiKeys.KEY_FILE))))
                .isEqualTo("rw-------");
    }
}
