package io.aftercart.gateway;

import io.aftercart.gateway.internal.ApiTokens;
import io.aftercart.gateway.internal.DefaultAdmin;
import io.aftercart.gateway.internal.ForwardingRoutes;
import io.aftercart.gateway.internal.GatewaySecurityConfiguration;
import io.aftercart.gateway.internal.LoginFailures;
import io.aftercart.gateway.internal.ManagedWriteKeys;
import io.aftercart.gateway.internal.PipelineHealth;
import io.aftercart.gateway.internal.RequestLogFilter;
import io.aftercart.gateway.internal.UserAccounts;
import io.aftercart.gateway.web.DashboardController;
import io.aftercart.gateway.web.PipelineController;
import io.aftercart.gateway.web.TokensController;
import io.aftercart.gateway.web.UsersController;
import io.aftercart.gateway.web.WriteKeysController;
import io.aftercart.platform.config.AftercartProperties;
import io.aftercart.platform.config.ConditionalOnService;
import io.aftercart.platform.kafka.KafkaBackboneAutoConfiguration;
import io.aftercart.platform.security.KafkaWriteKeyDirectory;
import io.aftercart.platform.security.WriteKeyDirectoryAutoConfiguration;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.store.ServiceStores;
import io.aftercart.platform.store.StoreAutoConfiguration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The gateway: users, roles and API tokens in its own store, managed write keys, the security filter chains, request
 * ids and access logs, forwarding to services in other processes, pipeline health and the dashboard.
 */
@AutoConfiguration(after = {KafkaBackboneAutoConfiguration.class, StoreAutoConfiguration.class,
        WriteKeyDirectoryAutoConfiguration.class})
@ConditionalOnService("gateway")
@ConditionalOnWebApplication
@EnableConfigurationProperties(GatewayProperties.class)
@Import({GatewaySecurityConfiguration.class, DashboardController.class, UsersController.class,
        WriteKeysController.class, TokensController.class, PipelineController.class})
public class GatewayAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayAutoConfiguration.class);
    static final String SERVICE = "gateway";

    @Bean
    ServiceStore gatewayStore(ServiceStores stores) {
        return stores.open(SERVICE);
    }

    @Bean
    UserAccounts userAccounts(ServiceStore gatewayStore, PasswordEncoder passwordEncoder) {
        return new UserAccounts(gatewayStore, passwordEncoder, Clock.systemUTC());
    }

    @Bean
    LoginFailures loginFailures(ServiceStore gatewayStore, GatewayProperties properties) {
        return new LoginFailures(gatewayStore, properties.maxLoginFailures(), properties.lockout(), Clock.systemUTC());
    }

    @Bean
    ApiTokens apiTokens(ServiceStore gatewayStore) {
        return new ApiTokens(gatewayStore, Clock.systemUTC());
    }

    @Bean
    ManagedWriteKeys managedWriteKeys(ServiceStore gatewayStore, KafkaWriteKeyDirectory writeKeyDirectory) {
        return new ManagedWriteKeys(gatewayStore, writeKeyDirectory, Clock.systemUTC());
    }

    /** The built-in admin, the configured write keys, and every live key published again for the collectors. */
    @Bean
    SmartInitializingSingleton gatewaySetup(UserAccounts accounts, ManagedWriteKeys writeKeys,
            GatewayProperties properties) {
        return () -> {
            DefaultAdmin.ensure(accounts, properties.adminPassword());
            properties.writeKeys().forEach(seed -> writeKeys.seed(seed.source(), seed.key()));
            writeKeys.republish();
        };
    }

    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> registration = new FilterRegistrationBean<>(new RequestLogFilter());
        // before Spring Security's chain, so refused requests are logged with their id too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean(destroyMethod = "close")
    PipelineHealth pipelineHealth(KafkaConnectionDetails connection) {
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                connection.getBootstrapServers(), AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
        return new PipelineHealth(admin, connection.getBootstrapServers(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService pipelineSampler(PipelineHealth health) {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "pipeline-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(() -> {
            try {
                health.sample();
            } catch (Exception e) {
                log.debug("Could not sample the pipeline", e);
            }
        }, 2, 10, TimeUnit.SECONDS);
        return sampler;
    }

    /** Distributed mode: forward the paths of services configured under {@code routes} that run elsewhere. */
    @Bean
    RouterFunction<ServerResponse> serviceForwarding(GatewayProperties properties, AftercartProperties aftercart) {
        List<ServiceRoutes.Route> forwarded = ServiceRoutes.forwarded(properties.routes(), aftercart::runs);
        if (forwarded.isEmpty()) {
            return request -> java.util.Optional.empty();
        }
        log.info("Forwarding to {}", properties.routes().keySet().stream().filter(s -> !aftercart.runs(s)).toList());
        return ForwardingRoutes.build(forwarded, properties.routes(), properties.forwardSecret());
    }
}
