package io.aftercart.app;

import io.aftercart.collector.WriteKeys;
import io.aftercart.platform.config.AftercartProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LauncherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LauncherConfiguration.class);

    @Bean
    @ConditionalOnProperty("aftercart.demo.enabled")
    DemoLauncher demoLauncher(ObjectProvider<WriteKeys> writeKeys, DemoProperties properties) {
        return new DemoLauncher(writeKeys, properties);
    }

    /** Says where to look once the port is open: URL, services, data directory, Kafka. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> whereToLook(AftercartProperties aftercart,
            ObjectProvider<KafkaConnectionDetails> kafka) {
        return event -> log.info("Aftercart is up on http://localhost:{} — services: {}; data: {}; Kafka: {}",
                event.getWebServer().getPort(), aftercart.services().isEmpty() ? "all" : aftercart.services(),
                aftercart.dataDir().toAbsolutePath().normalize(),
                kafka.getIfAvailable() == null ? "none" : kafka.getIfAvailable().getBootstrapServers());
    }
}
