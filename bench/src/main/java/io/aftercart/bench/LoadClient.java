package io.aftercart.bench;

import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of the closed-loop loads: Apache HttpClient's classic API, which sends and reads on the calling
 * thread over a pool of keep-alive connections. The JDK's {@code HttpClient} hands every exchange to its selector
 * thread and back, and cost twice the CPU per request (about 240 against 100 µs, single events to {@code /v1/track}
 * from 8 threads, measured side by side); on two cores the load generator's CPU is taken from the app it measures.
 */
final class LoadClient {

    /**
     * Connections are opened as threads need them; the pool only has to hold one for each client thread of any load,
     * so that no thread waits for another's connection.
     */
    private static final int MAX_CONNECTIONS = 1_024;

    private LoadClient() {
    }

    /** A client with the given response timeout, without retries. */
    static CloseableHttpClient create(Duration timeout) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(timeout)).build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
    }
}
