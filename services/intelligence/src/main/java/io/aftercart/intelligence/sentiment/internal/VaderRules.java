package io.aftercart.intelligence.sentiment.internal;

import java.util.Map;
import java.util.Set;

/**
 * The word lists and empirically derived constants of VADER 3.3 (Hutto &amp; Gilbert, ICWSM 2014, and the project's
 * README): intensity boosters and dampeners, negations and the special-case phrases whose meaning differs from
 * their words.
 */
final class VaderRules {

    /** Added to (or, for a dampener, taken from) the valence of the word a booster precedes. */
    static final double BOOST = 0.293;
    /** Added to the magnitude of a word in capitals when other words are not. */
    static final double CAPS_BOOST = 0.733;
    /** A negated word keeps about three quarters of its valence with the opposite sign. */
    static final double NEGATION_SCALAR = -0.74;
    /** Normalises the sum of valences into (−1, 1): sum / sqrt(sum² + alpha). */
    static final double NORMALISATION_ALPHA = 15;

    static final Set<String> NEGATIONS = Set.of("aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt",
            "doesnt", "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt",
            "havent", "isnt", "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't",
            "mightn't", "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't", "uh-uh",
            "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    static final Map<String, Double> BOOSTERS = boosters();

    /** Phrases scored as a whole, replacing the valence of the word they contain. */
    static final Map<String, Double> SPECIAL_CASES = Map.of("the shit", 3.0, "the bomb", 3.0, "bad ass", 1.5,
            "badass", 1.5, "bus stop", 0.0, "yeah right", -2.0, "kiss of death", -1.5, "to die for", 3.0,
            "beating heart", 3.1, "broken heart", -2.9);

    /** Every word of the multi-word special cases and boosters, to skip n-gram checks where none can match. */
    private static final Set<String> PHRASE_WORDS = phraseWords();

    private VaderRules() {
    }

    /** Whether any of {@code lower[from..to]} is a word of a multi-word special case or booster. */
    static boolean mayStartPhrase(String[] lower, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (PHRASE_WORDS.contains(lower[i])) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> phraseWords() {
        var words = new java.util.HashSet<String>();
        java.util.stream.Stream.concat(SPECIAL_CASES.keySet().stream(), BOOSTERS.keySet().stream())
                .filter(phrase -> phrase.contains(" "))
                .forEach(phrase -> words.addAll(java.util.List.of(phrase.split(" "))));
        return Set.copyOf(words);
    }

    static boolean isNegation(String lowerCaseWord) {
        return NEGATIONS.contains(lowerCaseWord) || lowerCaseWord.contains("n't");
    }

    private static Map<String, Double> boosters() {
        String increments = "absolutely amazingly awfully completely considerable considerably decidedly deeply effing"
                + " enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously"
                + " flipping flippin frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin"
                + " fugging greatly hella highly hugely incredible incredibly intensely major majorly more most"
                + " particularly purely quite really remarkably so substantially thoroughly total totally tremendous"
                + " tremendously uber unbelievably unusually utter utterly very";
        String decrements = "almost barely hardly kinda kindof kind-of less little marginal marginally occasional"
                + " occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of";
        var boosters = new java.util.HashMap<String, Double>();
        for (String word : increments.split(" ")) {
            boosters.put(word, BOOST);
        }
        for (String word : decrements.split(" ")) {
            boosters.put(word, -BOOST);
        }
        // multi-word dampeners, matched as n-grams before a sentiment word
        boosters.put("just enough", -BOOST);
        boosters.put("kind of", -BOOST);
        boosters.put("sort of", -BOOST);
        return Map.copyOf(boosters);
    }
}
