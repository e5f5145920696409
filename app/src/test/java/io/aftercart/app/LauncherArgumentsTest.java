package io.aftercart.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

    @Test
    void mapsTheLauncherOptionsOntoProperties() {
        assertThat(AftercartApplication.launcherArguments(
                new String[] {"--demo", "--services=collector,analytics", "--server.port=9000"}))
                .containsExactly("--aftercart.demo.enabled=true", "--aftercart.services=collector,analytics",
                        "--server.port=9000");
    }
}
