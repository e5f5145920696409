package io.aftercart.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The PostgreSQL at 127.0.0.1:5432 (database test) runs with autovacuum either way; the warning follows it. */
@ExtendWith(OutputCaptureExtension.class)
class PostgresAutovacuumWarningIT {

    private static final Pattern WARNING = Pattern.compile("PostgreSQL runs with autovacuum = off");

    @TempDir
    Path dir;

    @Test
    void warnsOncePerServerWhenAutovacuumIsOff(CapturedOutput output) {
        StoreProperties properties = new StoreProperties(System.getProperty("aftercart.test.postgres.url",
                "jdbc:postgresql://127.0.0.1:5432/test"), "postgres", null, 2);
        String suffix = UUID.randomUUID().toString().replace("-", "");
        boolean off;
        try (ServiceStores stores = new ServiceStores(properties, dir)) {
            ServiceStore first = stores.open("bulktest", "autovacuum_a_" + suffix);
            ServiceStore second = stores.open("bulktest", "autovacuum_b_" + suffix);
            off = "off".equals(first.jdbc().sql("SELECT setting FROM pg_settings WHERE name = 'autovacuum'")
                    .query(String.class).single());
            first.jdbc().sql("DROP SCHEMA autovacuum_a_" + suffix + " CASCADE").update();
            second.jdbc().sql("DROP SCHEMA autovacuum_b_" + suffix + " CASCADE").update();
        }

        Matcher warnings = WARNING.matcher(output.getAll());
        assertThat(warnings.results().count()).isEqualTo(off ? 1 : 0);
    }
}
