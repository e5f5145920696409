package io.aftercart.intelligence.sentiment.internal;

import io.aftercart.platform.testing.ReferenceData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-rated ICWSM-2014 corpora in the shared reference data ({@code vader/hutto_ICWSM_2014}).
 */
public final class VaderReferenceData {

    /** One rated text: the mean of the human ratings (−4..4) and the text. */
    public record Rated(double meanRating, String text) {
    }

    private VaderReferenceData() {
    }

    /** {@code id <TAB> mean <TAB> text} lines of {@code <corpus>_GroundTruth.txt}. */
    public static List<Rated> groundTruth(String corpus) {
        Path file = ReferenceData.path("vader/hutto_ICWSM_2014/" + corpus + "_GroundTruth.txt");
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
