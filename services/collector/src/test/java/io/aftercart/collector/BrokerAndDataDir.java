package io.aftercart.collector;

import io.aftercart.platform.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** A test broker and the temporary directory holding its log and the collector's store; closing removes both. */
record BrokerAndDataDir(EmbeddedKafkaBroker broker, Path dir) implements AutoCloseable {

    @Override
    public void close() {
        broker.close();
        FileSystemUtils.deleteRecursively(dir.toFile());
    }
}
