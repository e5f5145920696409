package io.aftercart.intelligence.sentiment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Terms that tell which aspect a clause is about. Terms are words or phrases of consecutive words; a trailing
 * {@code *} makes the last word a prefix. Immutable.
 */
public final class AspectVocabulary {

    private static final String DEFAULTS = "sentiment/aspects.properties";

    /** One term: its words, and whether the last one is a prefix. */
    record Term(String aspect, int aspectIndex, String[] words, boolean prefix) {
        int weight() {
            return words.length;
        }
    }

    /** Terms indexed by their first word, except single-word prefixes, which are tried on every word. */
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    private final List<Term> singleWordPrefixes = new ArrayList<>();
    private final List<String> aspects;

    private AspectVocabulary(Map<String, List<String>> termsByAspect) {
        this.aspects = List.copyOf(termsByAspect.keySet());
        termsByAspect.forEach((aspect, list) -> list.forEach(text -> {
            Term term = parse(aspect, aspects.indexOf(aspect), text);
            if (term.prefix() && term.words().length == 1) {
                singleWordPrefixes.add(term);
            } else {
                byFirstWord.computeIfAbsent(term.words()[0], w -> new ArrayList<>()).add(term);
            }
        }));
    }

    /**
     * The default vocabulary, with the given aspects' terms replaced (or the aspects added).
     *
     * @param overrides aspect → terms; an aspect with no terms is dropped
     */
    public static AspectVocabulary defaultsWith(Map<String, List<String>> overrides) {
        Map<String, List<String>> vocabulary = defaults();
        overrides.forEach((aspect, terms) -> {
            String key = aspect.strip().toLowerCase(Locale.ROOT);
            List<String> cleaned = terms == null ? List.of()
                    : terms.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
            if (cleaned.isEmpty()) {
                vocabulary.remove(key);
            } else {
                vocabulary.put(key, cleaned);
            }
        });
        return new AspectVocabulary(vocabulary);
    }

    public List<String> aspects() {
        return aspects;
    }

    List<Term> termsStartingWith(String word) {
        return byFirstWord.getOrDefault(word, List.of());
    }

    List<Term> singleWordPrefixes() {
        return singleWordPrefixes;
    }

    private static Term parse(String aspect, int aspectIndex, String term) {
        String text = term.strip().toLowerCase(Locale.ROOT);
        boolean prefix = text.endsWith("*");
        if (prefix) {
            text = text.substring(0, text.length() - 1).strip();
        }
        String[] words = text.split("\\s+");
        if (text.isEmpty() || Arrays.stream(words).anyMatch(w -> !ClauseWords.isWord(w))) {
            throw new IllegalArgumentException("aspect " + aspect + ": a term must be letters, digits and apostrophes"
                    + " with an optional trailing *, not '" + term + "'");
        }
        return new Term(aspect, aspectIndex, words, prefix);
    }

    private static Map<String, List<String>> defaults() {
        Properties properties = new Properties();
        try (InputStream in = AspectVocabulary.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> vocabulary = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(aspect -> vocabulary.put(aspect,
                Arrays.stream(properties.getProperty(aspect).split(",")).map(String::strip)
                        .filter(t -> !t.isEmpty()).toList()));
        return vocabulary;
    }
}
