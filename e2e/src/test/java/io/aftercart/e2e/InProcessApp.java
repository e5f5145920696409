package io.aftercart.e2e;

import io.aftercart.app.AftercartApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The all-in-one app started in this JVM, exactly as its launcher would, on a random HTTP port, a random embedded
 * Kafka port, its own data directory and a write key of its own. Tests talk to it over HTTP and Kafka only.
 */
final class InProcessApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String writeKey;

    private InProcessApp(ConfigurableApplicationContext context, String writeKey) {
        this.context = context;
        this.writeKey = writeKey;
    }

    static InProcessApp start(Path dataDir, String... extraArguments) {
        String writeKey = "e2e-" + UUID.randomUUID();
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--aftercart.kafka.embedded-port=0",
                "--aftercart.data-dir=" + dataDir,
                "--aftercart.gateway.admin-password=" + AppHttp.ADMIN_PASSWORD,
                "--aftercart.collector.sources[0].name=e2e",
                "--aftercart.collector.sources[0].write-key=" + writeKey));
        arguments.addAll(List.of(extraArguments));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AftercartApplication.class)
                .run(arguments.toArray(String[]::new));
        return new InProcessApp(context, writeKey);
    }

    AppHttp http() {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        return new AppHttp(URI.create("http://127.0.0.1:" + port), writeKey);
    }

    /** Where a shop's own services would produce to the intake topic. */
    String kafkaBootstrapServers() {
        return String.join(",", context.getBean(KafkaConnectionDetails.class).getBootstrapServers());
    }

    @Override
    public void close() {
        context.close();
    }
}
