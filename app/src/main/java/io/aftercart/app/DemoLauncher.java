package io.aftercart.app;

import io.aftercart.app.demo.DemoSettings;
import io.aftercart.app.demo.DemoShop;
import io.aftercart.collector.WriteKeys;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Starts the demo shop once the HTTP port is open, with a write key issued for this run only (source
 * {@code demo-shop}), and stops it before the services shut down.
 */
class DemoLauncher implements ApplicationListener<WebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoLauncher.class);
    private final ObjectProvider<WriteKeys> writeKeys;
    private final DemoProperties properties;
    private DemoShop shop;

    DemoLauncher(ObjectProvider<WriteKeys> writeKeys, DemoProperties properties) {
        this.writeKeys = writeKeys;
        this.properties = properties;
    }

    @Override
    public synchronized void onApplicationEvent(WebServerInitializedEvent event) {
        if (shop != null) {
            return;
        }
        WriteKeys keys = writeKeys.getIfAvailable();
        if (keys == null) {
            log.warn("The demo shop sends through the collector, which this process does not run: demo not started");
            return;
        }
        String writeKey = keys.issue("demo-shop");
        URI collector = URI.create("http://127.0.0.1:" + event.getWebServer().getPort());
        shop = new DemoShop(collector, writeKey, new DemoSettings(properties.customers(), properties.historyDays(),
                properties.eventsPerSecond(), properties.seed(), DemoSettings.MAX_BATCH_SIZE));
        shop.start();
        log.info("Demo shop started: {} customers, {} days of history, then {} events/s; its write key for this run "
                + "is {}", properties.customers(), properties.historyDays(), properties.eventsPerSecond(), writeKey);
    }

    @Override
    public synchronized void destroy() {
        if (shop != null) {
            shop.stop();
        }
    }
}
