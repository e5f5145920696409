package io.aftercart.collector.web;

import io.aftercart.collector.CollectorProperties;
import io.aftercart.collector.internal.IngestPipeline;
import io.aftercart.collector.WriteKeys;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class CollectorWebConfiguration {

    @Bean
    WriteKeyAuthentication writeKeyAuthentication(WriteKeys writeKeys) {
        return new WriteKeyAuthentication(writeKeys);
    }

    @Bean
    SegmentController segmentController(IngestPipeline pipeline, WriteKeyAuthentication authentication,
            CollectorProperties properties, Clock clock) {
        return new SegmentController(pipeline, authentication, properties, clock);
    }

    @Bean
    NativeEventsController nativeEventsController(IngestPipeline pipeline, WriteKeyAuthentication authentication,
            CollectorProperties properties, Clock clock) {
        return new NativeEventsController(pipeline, authentication, properties, clock);
    }
}
