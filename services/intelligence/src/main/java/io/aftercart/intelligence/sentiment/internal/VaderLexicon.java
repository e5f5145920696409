package io.aftercart.intelligence.sentiment.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The VADER valence lexicon (token → mean valence) and emoji lexicon (emoji → description), read once from the
 * classpath ({@code sentiment/}, MIT, see {@code LICENSE-vaderSentiment.txt} there). Immutable after loading, so one
 * instance is shared by all threads.
 */
public final class VaderLexicon {

    private static final String VALENCE_RESOURCE = "sentiment/vader_lexicon.txt";
    private static final String EMOJI_RESOURCE = "sentiment/emoji_utf8_lexicon.txt";

    private final Map<String, Double> valences;
    private final Map<Integer, String> emojiDescriptions;

    private VaderLexicon(Map<String, Double> valences, Map<Integer, String> emojiDescriptions) {
        this.valences = valences;
        this.emojiDescriptions = emojiDescriptions;
    }

    public static VaderLexicon load() {
        Map<String, Double> valences = new HashMap<>(16_384);
        // 14 tokens appear twice in the file; like the reference loader, the later line wins.
        readTabSeparated(VALENCE_RESOURCE, (key, value) -> valences.put(key, Double.parseDouble(value)));
        Map<Integer, String> emojis = new HashMap<>(8_192);
        readTabSeparated(EMOJI_RESOURCE, (key, value) -> {
            // Text is translated one code point at a time, so multi-code-point sequences (flags, ZWJ) never match.
            if (key.codePointCount(0, key.length()) == 1) {
                emojis.put(key.codePointAt(0), value);
            }
        });
        return new VaderLexicon(Map.copyOf(valences), Map.copyOf(emojis));
    }

    /** The valence of a lower-case token, or null when it is not in the lexicon. */
    Double valence(String lowerCaseToken) {
        return valences.get(lowerCaseToken);
    }

    boolean contains(String lowerCaseToken) {
        return valences.containsKey(lowerCaseToken);
    }

    String emojiDescription(int codePoint) {
        return emojiDescriptions.get(codePoint);
    }

    private interface Entry {
        void accept(String key, String value);
    }

    private static void readTabSeparated(String resource, Entry entry) {
        InputStream in = VaderLexicon.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] fields = trimmed.split("\t", 3);
                if (fields.length < 2) {
                    throw new IllegalStateException(resource + ": line without a tab: " + trimmed);
                }
                entry.accept(fields[0], fields[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
