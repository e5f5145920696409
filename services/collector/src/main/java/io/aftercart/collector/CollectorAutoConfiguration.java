package io.aftercart.collector;

import io.aftercart.collector.internal.CanonicalEventProducer;
import io.aftercart.collector.internal.IngestPipeline;
import io.aftercart.collector.internal.MessageIdFlusher;
import io.aftercart.collector.internal.MessageIdIndex;
import io.aftercart.collector.internal.SegmentNormalizer;
import io.aftercart.collector.kafka.IntakeListener;
import io.aftercart.collector.web.CollectorWebConfiguration;
import io.aftercart.contracts.EventSchemas;
import io.aftercart.contracts.Topics;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.DeadLetterPublisher;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.security.WriteKeyDirectory;
import io.aftercart.platform.store.ServiceStores;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/** The collector: HTTP and Kafka intake, validation, de-duplication, canonical and dead-letter topics. */
@AutoConfiguration
@ConditionalOnService("collector")
@EnableConfigurationProperties(CollectorProperties.class)
@Import(CollectorWebConfiguration.class)
public class CollectorAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CollectorAutoConfiguration.class);
    static final String SERVICE = "collector";

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WriteKeys writeKeys(CollectorProperties properties, ObjectProvider<WriteKeyDirectory> managed) {
        WriteKeyDirectory directory = managed.getIfAvailable();
        WriteKeys keys = directory == null ? new WriteKeys() : new WriteKeys(directory);
        properties.sources().forEach(source -> keys.register(source.name(), source.writeKey()));
        if (properties.sources().isEmpty()) {
            log.info("No write keys configured for the collector; it accepts the keys managed through the gateway "
                    + "(POST /api/v1/admin/write-keys), or set AFTERCART_COLLECTOR_SOURCES_0_NAME and "
                    + "AFTERCART_COLLECTOR_SOURCES_0_WRITE_KEY");
        } else {
            log.info("Collector sources: {}", properties.sources().stream().map(CollectorProperties.Source::name)
                    .toList());
        }
        return keys;
    }

    @Bean
    MessageIdIndex messageIdIndex(ServiceStores stores, CollectorProperties properties, Clock clock) {
        return new MessageIdIndex(stores.open(SERVICE), clock, properties.dedupeWindow(),
                properties.dedupeCapacity());
    }

    @Bean
    MessageIdFlusher messageIdFlusher(MessageIdIndex index) {
        return new MessageIdFlusher(index);
    }

    @Bean
    IngestPipeline ingestPipeline(MessageIdIndex messageIds, KafkaTemplate<String, byte[]> eventKafkaTemplate,
            DeadLetterPublisher deadLetters, CollectorProperties properties) {
        return new IngestPipeline(new SegmentNormalizer(EventSchemas.shared()), messageIds,
                new CanonicalEventProducer(eventKafkaTemplate), deadLetters, properties.maxEventSize().toBytes(),
                properties.sendTimeout(), properties.retryAfter());
    }

    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> intakeContainer(ServiceConsumers consumers,
            IngestPipeline pipeline, DeadLetterPublisher deadLetters, CollectorProperties properties, Clock clock) {
        var factory = consumers.batchFactory(SERVICE, properties.intakeConcurrency());
        ConcurrentMessageListenerContainer<String, byte[]> container = factory.createContainer(
                Topics.INTAKE.topicName());
        container.setupMessageListener(new IntakeListener(pipeline, deadLetters, properties.intakeSource(), clock));
        return container;
    }
}
