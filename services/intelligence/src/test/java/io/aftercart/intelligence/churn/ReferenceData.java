package io.aftercart.intelligence.churn;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared reference datasets: {@code -Daftercart.reference-data=<dir>}, else {@code ../../../shared/data} from
 * the module directory (where Maven runs the tests). A missing folder fails the test with its location.
 */
public final class ReferenceData {

    private ReferenceData() {
    }

    public static Path file(String relative) {
        String configured = System.getProperty("aftercart.reference-data");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).resolve("../../../shared/data").normalize();
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Reference data file missing: " + file.toAbsolutePath()
                    + " (set -Daftercart.reference-data=<shared/data folder>)");
        }
        return file;
    }
}
