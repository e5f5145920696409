package io.aftercart.collector;

import static io.aftercart.collector.CollectorIT.assertProblem;
import static io.aftercart.collector.IngestClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.EventType;
import io.aftercart.contracts.Examples;
import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What has to survive a restart: remembered messageIds across a restart of the collector on the same data
 * directory, and no lost or doubled event across an outage of Kafka (503 while it is down, then accepted once).
 */
class CollectorRestartIT {

    private static final String WRITE_KEY = "wk_collector_restart_it_0123456789";

    @TempDir
    Path dir;

    private EmbeddedKafkaBroker broker;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApp {
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void remembersMessageIdsAcrossARestartAndLosesNothingWhileKafkaIsDown() throws InterruptedException {
        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), 0).start();
        ObjectNode before = orderCompleted("m-before-restart");
        ObjectNode duringOutage = orderCompleted("m-during-outage");

        try (ConfigurableApplicationContext app = start()) {
            assertThat(json(client(app).post("/v1/track", before)).get("accepted").asInt()).isEqualTo(1);
            awaitIntakeConsumerInGroup(app);
        }

        try (ConfigurableApplicationContext app = start()) {
            IngestClient client = client(app);
            JsonNode resent = json(client.post("/v1/track", before));
            assertThat(resent.get("duplicates").asInt()).as(resent.toString()).isEqualTo(1);
            answers503UntilKafkaIsBack(client, duringOutage);
            JsonNode retriedAgain = json(client.post("/v1/track", duringOutage));
            assertThat(retriedAgain.get("duplicates").asInt()).as(retriedAgain.toString()).isEqualTo(1);
        }

        try (TopicRecords topics = new TopicRecords(broker.bootstrapServers())) {
            assertThat(topics.eventsWithId("m-before-restart")).hasSize(1);
            assertThat(topics.eventsWithId("m-during-outage")).singleElement().satisfies(record -> {
                CanonicalEvent event = EventJson.read(record.value());
                assertThat(record.key()).isEqualTo("cust-restart");
                assertThat(event.properties()).isEqualTo(Examples.valid(EventType.ORDER_COMPLETED));
            });
        }
    }

    /**
     * An app closed while its intake consumer is still joining the group leaves a member behind that the next app's
     * consumer has to wait for; this keeps the restart quick.
     */
    private static void awaitIntakeConsumerInGroup(ConfigurableApplicationContext app) throws InterruptedException {
        var container = app.getBean("intakeContainer", ConcurrentMessageListenerContainer.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (container.getAssignedPartitions().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(container.getAssignedPartitions()).isNotEmpty();
    }

    /** Stops the broker, expects a 503 (the client gives up after 15 s), restarts it on the same port and log. */
    private void answers503UntilKafkaIsBack(IngestClient client, ObjectNode call) {
        int kafkaPort = broker.port();
        broker.close();

        HttpResponse<String> unavailable = client.post("/v1/track", call);
        assertProblem(unavailable, 503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("5");

        broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), kafkaPort).start();
        HttpResponse<String> retried = client.post("/v1/track", call);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(json(retried).get("accepted").asInt()).isEqualTo(1);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(TestApp.class).run(
                "--server.port=0",
                "--aftercart.services=collector",
                "--aftercart.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--aftercart.data-dir=" + dir.resolve("data"),
                "--aftercart.collector.sources[0].name=web",
                "--aftercart.collector.sources[0].write-key=" + WRITE_KEY,
                "--spring.autoconfigure.exclude="
                        + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    private static IngestClient client(ConfigurableApplicationContext app) {
        return new IngestClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")), WRITE_KEY);
    }

    private static ObjectNode orderCompleted(String messageId) {
        ObjectNode call = JsonNodeFactory.instance.objectNode().put("userId", "cust-restart")
                .put("messageId", messageId).put("event", "Order Completed");
        call.set("properties", Examples.valid(EventType.ORDER_COMPLETED));
        return call;
    }
}
