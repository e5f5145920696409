package io.aftercart.intelligence.sentiment.internal;

import static io.aftercart.intelligence.sentiment.internal.VaderRules.BOOSTERS;
import static io.aftercart.intelligence.sentiment.internal.VaderRules.CAPS_BOOST;
import static io.aftercart.intelligence.sentiment.internal.VaderRules.NEGATION_SCALAR;
import static io.aftercart.intelligence.sentiment.internal.VaderRules.NORMALISATION_ALPHA;
import static io.aftercart.intelligence.sentiment.internal.VaderRules.SPECIAL_CASES;
import static io.aftercart.intelligence.sentiment.internal.VaderRules.isNegation;

import io.aftercart.intelligence.sentiment.SentimentScore;
import java.util.Locale;

/**
 * A lexicon- and rule-based sentiment scorer that follows the rules of VADER 3.3 (Hutto &amp; Gilbert, ICWSM 2014)
 * so that its scores match the published ones: each word's lexicon valence is adjusted by capitals, preceding
 * boosters and dampeners (by distance), negations ("not", "n't", "without", but "never so" intensifies), "no",
 * "least" and special phrases; "but" halves what precedes it and weighs what follows by 1.5; "!" and "?" add
 * emphasis; emoji are replaced by their descriptions first. Stateless and thread-safe.
 */
public final class VaderScorer {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final VaderLexicon lexicon;

    public VaderScorer(VaderLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public SentimentScore score(String text) {
        String prepared = withEmojiDescribed(text).strip();
        Tokens tokens = Tokens.of(prepared);
        int n = tokens.size();
        if (n == 0) {
            return SentimentScore.NONE;
        }
        double[] sentiments = new double[n];
        for (int i = 0; i < n; i++) {
            String lower = tokens.lower[i];
            boolean kindOf = i < n - 1 && lower.equals("kind") && tokens.lower[i + 1].equals("of");
            if (BOOSTERS.containsKey(lower) || kindOf) {
                continue; // modifiers carry no valence of their own
            }
            sentiments[i] = valence(tokens, i);
        }
        contrast(tokens, sentiments);
        return combine(sentiments, punctuationEmphasis(prepared));
    }

    private double valence(Tokens tokens, int i) {
        String[] lower = tokens.lower;
        Double lexiconValence = lexicon.valence(lower[i]);
        if (lexiconValence == null) {
            return 0;
        }
        double valence = lexiconValence;
        if (lower[i].equals("no") && i != lower.length - 1 && lexicon.contains(lower[i + 1])) {
            valence = 0; // "no" negates the next word instead of counting itself
        }
        if ((i > 0 && lower[i - 1].equals("no")) || (i > 1 && lower[i - 2].equals("no"))
                || (i > 2 && lower[i - 3].equals("no") && (lower[i - 1].equals("or") || lower[i - 1].equals("nor")))) {
            valence = lexiconValence * NEGATION_SCALAR;
        }
        if (tokens.capsDifferential && isUpperCase(tokens.original[i])) {
            valence += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        for (int distance = 0; distance < 3; distance++) {
            int before = i - (distance + 1);
            if (before < 0 || lexicon.contains(lower[before])) {
                continue;
            }
            double scalar = boost(tokens, before, valence);
            if (distance == 1) {
                scalar *= 0.95;
            } else if (distance == 2) {
                scalar *= 0.9;
            }
            valence = negation(valence + scalar, lower, distance, i);
            if (distance == 2) {
                valence = specialPhrases(valence, lower, i);
            }
        }
        return least(valence, lower, i);
    }

    private static double boost(Tokens tokens, int index, double valence) {
        Double booster = BOOSTERS.get(tokens.lower[index]);
        if (booster == null) {
            return 0;
        }
        double scalar = valence < 0 ? -booster : booster;
        if (tokens.capsDifferential && isUpperCase(tokens.original[index])) {
            scalar += valence > 0 ? CAPS_BOOST : -CAPS_BOOST;
        }
        return scalar;
    }

    private static double negation(double valence, String[] lower, int distance, int i) {
        switch (distance) {
            case 0:
                return isNegation(lower[i - 1]) ? valence * NEGATION_SCALAR : valence;
            case 1:
                if (lower[i - 2].equals("never") && soOrThis(lower[i - 1])) {
                    return valence * 1.25;
                }
                if (lower[i - 2].equals("without") && lower[i - 1].equals("doubt")) {
                    return valence;
                }
                return isNegation(lower[i - 2]) ? valence * NEGATION_SCALAR : valence;
            default:
                // VADER 3.3 groups this test as (never + so/this two back) or (so/this just before); kept as published.
                if ((lower[i - 3].equals("never") && soOrThis(lower[i - 2])) || soOrThis(lower[i - 1])) {
                    return valence * 1.25;
                }
                if (lower[i - 3].equals("without") && (lower[i - 2].equals("doubt") || lower[i - 1].equals("doubt"))) {
                    return valence;
                }
                return isNegation(lower[i - 3]) ? valence * NEGATION_SCALAR : valence;
        }
    }

    private static boolean soOrThis(String word) {
        return word.equals("so") || word.equals("this");
    }

    private static double specialPhrases(double valence, String[] lower, int i) {
        if (!VaderRules.mayStartPhrase(lower, i - 3, Math.min(lower.length - 1, i + 2))) {
            return valence; // no word of any special phrase nearby: skip building the n-grams
        }
        String oneZero = lower[i - 1] + " " + lower[i];
        String twoOne = lower[i - 2] + " " + lower[i - 1];
        String threeTwo = lower[i - 3] + " " + lower[i - 2];
        String twoOneZero = lower[i - 2] + " " + oneZero;
        String threeTwoOne = lower[i - 3] + " " + twoOne;
        for (String phrase : new String[] {oneZero, twoOneZero, twoOne, threeTwoOne, threeTwo}) {
            Double special = SPECIAL_CASES.get(phrase);
            if (special != null) {
                valence = special;
                break;
            }
        }
        if (lower.length - 1 > i) {
            Double special = SPECIAL_CASES.get(lower[i] + " " + lower[i + 1]);
            if (special != null) {
                valence = special;
            }
        }
        if (lower.length - 1 > i + 1) {
            Double special = SPECIAL_CASES.get(lower[i] + " " + lower[i + 1] + " " + lower[i + 2]);
            if (special != null) {
                valence = special;
            }
        }
        for (String phrase : new String[] {threeTwoOne, threeTwo, twoOne}) {
            Double booster = BOOSTERS.get(phrase);
            if (booster != null) {
                valence += booster;
            }
        }
        return valence;
    }

    private double least(double valence, String[] lower, int i) {
        if (i > 0 && lower[i - 1].equals("least") && !lexicon.contains("least")) {
            boolean atOrVeryLeast = i > 1 && (lower[i - 2].equals("at") || lower[i - 2].equals("very"));
            return atOrVeryLeast ? valence : valence * NEGATION_SCALAR;
        }
        return valence;
    }

    /**
     * Reweights around the first "but". VADER 3.3 finds each value's position by its first equal value, so with
     * repeated values it reweights the first occurrence again; the same is done here to reproduce its scores.
     */
    private static void contrast(Tokens tokens, double[] sentiments) {
        int but = -1;
        for (int i = 0; i < tokens.size() && but < 0; i++) {
            if (tokens.lower[i].equals("but")) {
                but = i;
            }
        }
        if (but < 0) {
            return;
        }
        for (int k = 0; k < sentiments.length; k++) {
            double value = sentiments[k];
            int first = 0;
            while (sentiments[first] != value) {
                first++;
            }
            if (first < but) {
                sentiments[first] = value * 0.5;
            } else if (first > but) {
                sentiments[first] = value * 1.5;
            }
        }
    }

    private static SentimentScore combine(double[] sentiments, double emphasis) {
        double sum = 0;
        double positive = 0;
        double negative = 0;
        int neutral = 0;
        for (double sentiment : sentiments) {
            sum += sentiment;
            if (sentiment > 0) {
                positive += sentiment + 1; // +1 and −1 compensate for neutral words counting 1 each
            } else if (sentiment < 0) {
                negative += sentiment - 1;
            } else {
                neutral++;
            }
        }
        if (sum > 0) {
            sum += emphasis;
        } else if (sum < 0) {
            sum -= emphasis;
        }
        double compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALISATION_ALPHA)));
        if (positive > Math.abs(negative)) {
            positive += emphasis;
        } else if (positive < Math.abs(negative)) {
            negative -= emphasis;
        }
        double total = positive + Math.abs(negative) + neutral;
        return new SentimentScore(compound, Math.abs(positive / total), Math.abs(neutral / total),
                Math.abs(negative / total));
    }

    /** Up to four "!" add 0.292 each; two or three "?" add 0.18 each, more add 0.96. */
    private static double punctuationEmphasis(String text) {
        int exclamations = 0;
        int questions = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        double emphasis = Math.min(exclamations, 4) * 0.292;
        if (questions > 1) {
            emphasis += questions <= 3 ? questions * 0.18 : 0.96;
        }
        return emphasis;
    }

    private String withEmojiDescribed(String text) {
        StringBuilder out = null;
        boolean previousSpace = true;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            String description = codePoint < 0x80 ? null : lexicon.emojiDescription(codePoint);
            if (description != null) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 32).append(text, 0, i);
                }
                if (!previousSpace) {
                    out.append(' ');
                }
                out.append(description);
                previousSpace = false;
            } else {
                if (out != null) {
                    out.append(text, i, next);
                }
                previousSpace = codePoint == ' ';
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** Python's {@code str.isupper()}: at least one cased character and no lower- or title-case one. */
    static boolean isUpperCase(String token) {
        boolean upper = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c) || Character.isTitleCase(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
        }
        return upper;
    }

    /** Whitespace-separated tokens with edge punctuation removed from words (not from short emoticons). */
    private static final class Tokens {
        final String[] original;
        final String[] lower;
        /** Some but not all tokens are in capitals: capitals then mark emphasis. */
        final boolean capsDifferential;

        private Tokens(String[] original) {
            this.original = original;
            this.lower = new String[original.length];
            int capitals = 0;
            for (int i = 0; i < original.length; i++) {
                lower[i] = original[i].toLowerCase(Locale.ROOT);
                if (isUpperCase(original[i])) {
                    capitals++;
                }
            }
            this.capsDifferential = capitals > 0 && capitals < original.length;
        }

        int size() {
            return original.length;
        }

        static Tokens of(String text) {
            java.util.ArrayList<String> tokens = new java.util.ArrayList<>();
            int start = -1;
            for (int i = 0; i <= text.length(); i++) {
                boolean space = i == text.length() || isSpace(text.charAt(i));
                if (space && start >= 0) {
                    tokens.add(stripPunctuationIfWord(text.substring(start, i)));
                    start = -1;
                } else if (!space && start < 0) {
                    start = i;
                }
            }
            return new Tokens(tokens.toArray(String[]::new));
        }

        private static boolean isSpace(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
        }

        private static String stripPunctuationIfWord(String token) {
            int from = 0;
            int to = token.length();
            while (from < to && PUNCTUATION.indexOf(token.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && PUNCTUATION.indexOf(token.charAt(to - 1)) >= 0) {
                to--;
            }
            String stripped = token.substring(from, to);
            return stripped.codePointCount(0, stripped.length()) <= 2 ? token : stripped;
        }
    }
}
