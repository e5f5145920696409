package io.aftercart.intelligence.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-rated ICWSM-2014 corpora in the shared reference data ({@code ../../../shared/data/vader} from the
 * module directory, or the directory named by the system property {@code aftercart.vader.data}).
 */
public final class VaderReferenceData {

    /** One rated text: the mean of the human ratings (−4..4) and the text. */
    public record Rated(double meanRating, String text) {
    }

    private VaderReferenceData() {
    }

    public static Path directory() {
        String configured = System.getProperty("aftercart.vader.data");
        Path dir = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.dir")).resolve("../../../shared/data/vader").normalize();
        assertThat(dir.resolve("hutto_ICWSM_2014"))
                .as("the VADER reference data (set -Daftercart.vader.data=<dir> if it lives elsewhere)")
                .isDirectory();
        return dir;
    }

    /** {@code id <TAB> mean <TAB> text} lines of {@code <corpus>_GroundTruth.txt}. */
    public static List<Rated> groundTruth(String corpus) {
        Path file = directory().resolve("hutto_ICWSM_2014").resolve(corpus + "_GroundTruth.txt");
        try {
            List<Rated> rated = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3) {
                    rated.add(new Rated(Double.parseDouble(fields[1]), fields[2].strip()));
                }
            }
            return rated;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
