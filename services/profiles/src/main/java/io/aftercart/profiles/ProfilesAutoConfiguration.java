package io.aftercart.profiles;

import io.aftercart.contracts.Topics;
import io.aftercart.platform.config.AftercartProperties;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import io.aftercart.platform.kafka.ServiceConsumers;
import io.aftercart.platform.reporting.CurrencyConverter;
import io.aftercart.platform.reporting.ReportingAutoConfiguration;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreAutoConfiguration;
import io.aftercart.platform.store.StoreProperties;
import io.aftercart.profiles.internal.FactExtractor;
import io.aftercart.profiles.internal.FactRepository;
import io.aftercart.profiles.internal.PiiKeys;
import io.aftercart.profiles.internal.PiiProtector;
import io.aftercart.profiles.internal.ProfileFold;
import io.aftercart.profiles.internal.ProfileRepository;
import io.aftercart.profiles.internal.ProfileUpdater;
import io.aftercart.profiles.internal.ScoreRepository;
import io.aftercart.profiles.kafka.ProfilePublisher;
import io.aftercart.profiles.kafka.ProfilesListener;
import io.aftercart.profiles.web.CustomersController;
import io.aftercart.profiles.web.ProfilesAdminController;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The profiles service: its store, the consumer that keeps one profile per customer (from canonical events,
 * predictions and sentiment results), the profile changelog and the read API.
 */
@AutoConfiguration(after = {KafkaBackboneAutoConfiguration.class, StoreAutoConfiguration.class,
        ReportingAutoConfiguration.class})
@ConditionalOnService("profiles")
@EnableConfigurationProperties(ProfilesProperties.class)
public class ProfilesAutoConfiguration {

    static final String SERVICE = "profiles";
    private static final int MAX_POLL_RECORDS = 10_000;
    private static final int MAX_PARTITION_FETCH_BYTES = 8 * 1024 * 1024;

    /** The profiles store, shared by every profiles component (a DuckDB file can be opened only once). */
    @Bean
    ServiceStore profilesStore(ServiceStores stores) {
        return stores.open(SERVICE);
    }

    @Bean
    PiiProtector profilesPiiProtector(ProfilesProperties properties, StoreProperties store,
            AftercartProperties aftercart) {
        if (properties.piiKey() != null && !properties.piiKey().isBlank()) {
            return new PiiProtector(PiiKeys.configured(properties.piiKey()));
        }
        if (!store.embedded()) {
            throw new IllegalStateException("aftercart.profiles.pii-key (AFTERCART_PROFILES_PII_KEY) is required when "
                    + "the store is PostgreSQL: every replica must protect contact data with the same key");
        }
        return new PiiProtector(PiiKeys.fromKeyFile(aftercart.dataDir()));
    }

    @Bean
    ProfileRepository profileRepository(ServiceStore profilesStore) {
        return new ProfileRepository(profilesStore);
    }

    @Bean
    FactRepository profileFactRepository(ServiceStore profilesStore) {
        return new FactRepository(profilesStore);
    }

    @Bean
    ProfileUpdater profileUpdater(ServiceStore profilesStore, FactRepository profileFactRepository,
            ProfileRepository profileRepository, CurrencyConverter currencyConverter,
            KafkaTemplate<String, byte[]> eventKafkaTemplate, ProfilesProperties properties) {
        return new ProfileUpdater(profilesStore, profileFactRepository, new ScoreRepository(profilesStore),
                profileRepository, new ProfileFold(currencyConverter),
                new ProfilePublisher(eventKafkaTemplate, Duration.ofSeconds(properties.publishTimeoutSeconds())));
    }

    @Bean
    ProfilesListener profilesListener(ProfileUpdater profileUpdater, PiiProtector profilesPiiProtector) {
        return new ProfilesListener(profileUpdater, new FactExtractor(profilesPiiProtector));
    }

    /**
     * One consumer (group {@code aftercart-profiles}) for events, predictions and sentiment: a customer's profile is
     * recomputed by one thread at a time.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, byte[]> profilesListenerContainer(ServiceConsumers consumers,
            ProfilesListener profilesListener) {
        var factory = consumers.batchFactory(SERVICE, 1);
        var container = factory.createContainer(Topics.EVENTS.topicName(), Topics.PREDICTIONS.topicName(),
                Topics.SENTIMENT.topicName());
        container.getContainerProperties().setKafkaConsumerProperties(largePolls());
        container.setupMessageListener(profilesListener);
        return container;
    }

    /**
     * A poll costs the store some 150 ms whatever its size (about ten statements and a commit), so a consumer that
     * fell behind catches up only with large polls: 2,000 records a poll sustained about 2,500 events/s, 10,000 about
     * 5,000 (per-poll timings under FreshnessBenchmark --services=collector,profiles). A consumer that keeps up still
     * gets what arrived since its last poll. Order events are about 1 KB, so a poll holds some 10 MB.
     */
    private static Properties largePolls() {
        Properties polls = new Properties();
        polls.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(MAX_POLL_RECORDS));
        polls.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(MAX_PARTITION_FETCH_BYTES));
        return polls;
    }

    @Bean
    CustomerProfiles customerProfiles(ProfileRepository profileRepository, FactRepository profileFactRepository,
            PiiProtector profilesPiiProtector, ProfileUpdater profileUpdater, ProfilesListener profilesListener) {
        return new CustomerProfiles(profileRepository, profileFactRepository, profilesPiiProtector, profileUpdater,
                profilesListener, Clock.systemUTC());
    }

    @Bean
    @ConditionalOnWebApplication
    CustomersController customersController(CustomerProfiles customerProfiles, ProfilesProperties properties) {
        return new CustomersController(customerProfiles, properties);
    }

    @Bean
    @ConditionalOnWebApplication
    ProfilesAdminController profilesAdminController(CustomerProfiles customerProfiles) {
        return new ProfilesAdminController(customerProfiles);
    }
}
