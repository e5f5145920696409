package io.aftercart.platform.kafka;

import io.aftercart.contracts.Topics;
import io.aftercart.platform.config.AftercartProperties;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The Kafka backbone: an embedded broker unless an external cluster is configured, the Aftercart topics, and the
 * one producer every service publishes with (idempotent, acks=all, so "acknowledged" means durable).
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties({KafkaBackboneProperties.class, AftercartProperties.class})
public class KafkaBackboneAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${aftercart.kafka.bootstrap-servers:}'.isBlank()")
    EmbeddedKafkaBroker embeddedKafkaBroker(KafkaBackboneProperties kafka, AftercartProperties aftercart) {
        return new EmbeddedKafkaBroker(aftercart.dataDir().resolve("kafka"), kafka.embeddedPort()).start();
    }

    /** Overrides {@code spring.kafka.bootstrap-servers} so every client of this process reaches the same cluster. */
    @Bean
    KafkaConnectionDetails kafkaConnectionDetails(KafkaBackboneProperties kafka,
            ObjectProvider<EmbeddedKafkaBroker> embedded) {
        List<String> servers = kafka.embedded()
                ? List.of(embedded.getObject().bootstrapServers())
                : Arrays.stream(kafka.bootstrapServers().split(",")).map(String::trim).toList();
        return () -> servers;
    }

    @Bean
    KafkaAdmin.NewTopics aftercartTopics(KafkaBackboneProperties kafka) {
        return new KafkaAdmin.NewTopics(Arrays.stream(Topics.values())
                .map(topic -> new NewTopic(topic.topicName(), kafka.partitions(), kafka.replicationFactor())
                        .configs(Map.of("cleanup.policy", topic.compacted() ? "compact" : "delete")))
                .toArray(NewTopic[]::new));
    }

    @Bean
    ProducerFactory<String, byte[]> eventProducerFactory(KafkaProperties properties,
            KafkaConnectionDetails connection) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, connection.getBootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Every service thread sends through this one producer. With the default 16 KB batches, a batched request
        // of ~1 KB events fills a new batch every dozen records, and each new batch takes the partition's lock
        // and wakes the sender thread; 128 KB batches make that ten times rarer and the produce requests fewer.
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // Fail a send within seconds when the cluster is unreachable, so callers can answer 503 instead of hanging.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8_000);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaTemplate<String, byte[]> eventKafkaTemplate(ProducerFactory<String, byte[]> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> eventKafkaTemplate) {
        return new DeadLetterPublisher(eventKafkaTemplate, Clock.systemUTC());
    }

    @Bean
    ServiceConsumers serviceConsumers(KafkaProperties properties, KafkaConnectionDetails connection) {
        return new ServiceConsumers(properties, connection);
    }
}
