package io.aftercart.platform.security;

import io.aftercart.platform.config.AftercartProperties;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The managed write keys, published by the gateway, which manages them, and followed where the collector runs, which
 * checks them.
 */
@AutoConfiguration(after = KafkaBackboneAutoConfiguration.class)
public class WriteKeyDirectoryAutoConfiguration {

    @Bean
    KafkaWriteKeyDirectory writeKeyDirectory(KafkaTemplate<String, byte[]> eventKafkaTemplate,
            KafkaConnectionDetails connection, AftercartProperties aftercart) {
        return new KafkaWriteKeyDirectory(eventKafkaTemplate, connection.getBootstrapServers(),
                aftercart.runs("collector"));
    }
}
