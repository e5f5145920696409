package io.aftercart.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this process reaches Kafka.
 *
 * @param bootstrapServers an external cluster ({@code AFTERCART_KAFKA_BOOTSTRAP_SERVERS}); when blank, a broker is
 *                         embedded in-process with its log under {@code <data-dir>/kafka}
 * @param embeddedPort     client port of the embedded broker on 127.0.0.1 ({@code AFTERCART_KAFKA_EMBEDDED_PORT});
 *                         0 picks a free port
 * @param partitions       partitions of each Aftercart topic when it is created ({@code AFTERCART_KAFKA_PARTITIONS})
 * @param replicationFactor replicas of each Aftercart topic ({@code AFTERCART_KAFKA_REPLICATION_FACTOR}); 1 when
 *                         embedded
 */
@ConfigurationProperties("aftercart.kafka")
public record KafkaBackboneProperties(
        String bootstrapServers,
        @DefaultValue("19092") int embeddedPort,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor) {

    public boolean embedded() {
        return bootstrapServers == null || bootstrapServers.isBlank();
    }
}
