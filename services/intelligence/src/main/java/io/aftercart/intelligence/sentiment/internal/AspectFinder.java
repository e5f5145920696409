package io.aftercart.intelligence.sentiment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into sentences, and a sentence into clauses at contrast markers ("but", "however", "although",
 * "though", "whereas", ";"), so that "great shoes but the delivery was late" yields two aspects with opposite
 * polarities. A clause that names no aspect belongs to the clause before it (or, at the start, after it), and
 * neighbouring clauses about the same aspect are one mention, so their contrast is scored together.
 */
public final class AspectFinder {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|[\\r\\n]+");
    private static final Pattern CONTRAST = Pattern.compile(
            "\\s*(?:;|,?\\s+\\b(?:but|however|although|though|whereas)\\b,?)\\s*", Pattern.CASE_INSENSITIVE);

    /** The words of one sentence that are about one aspect. */
    public record Mention(String aspect, int sentence, String text) {
    }

    private final AspectVocabulary vocabulary;

    public AspectFinder(AspectVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public List<Mention> mentions(String text) {
        List<Mention> mentions = new ArrayList<>();
        int sentence = 0;
        for (String candidate : SENTENCE_END.split(text)) {
            String trimmed = candidate.strip();
            if (!trimmed.isEmpty()) {
                mentions.addAll(inSentence(trimmed, sentence++));
            }
        }
        return mentions;
    }

    private List<Mention> inSentence(String sentence, int index) {
        List<int[]> spans = clauseSpans(sentence);
        List<String> aspects = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            aspects.add(aspectOf(ClauseWords.of(sentence.substring(span[0], span[1]))));
        }
        if (aspects.stream().allMatch(a -> a == null)) {
            return List.of();
        }
        fillFromNeighbours(aspects);
        List<Mention> mentions = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= spans.size(); i++) {
            if (i == spans.size() || !aspects.get(i).equals(aspects.get(from))) {
                String words = sentence.substring(spans.get(from)[0], spans.get(i - 1)[1]);
                mentions.add(new Mention(aspects.get(from), index, words));
                from = i;
            }
        }
        return mentions;
    }

    private static List<int[]> clauseSpans(String sentence) {
        List<int[]> spans = new ArrayList<>();
        Matcher marker = CONTRAST.matcher(sentence);
        int start = 0;
        while (marker.find()) {
            if (marker.start() > start) {
                spans.add(new int[] {start, marker.start()});
            }
            start = marker.end();
        }
        if (start < sentence.length()) {
            spans.add(new int[] {start, sentence.length()});
        }
        return spans;
    }

    private static void fillFromNeighbours(List<String> aspects) {
        for (int i = 1; i < aspects.size(); i++) {
            if (aspects.get(i) == null) {
                aspects.set(i, aspects.get(i - 1));
            }
        }
        for (int i = aspects.size() - 2; i >= 0; i--) {
            if (aspects.get(i) == null) {
                aspects.set(i, aspects.get(i + 1));
            }
        }
    }

    /** The aspect whose terms the words match most, the earlier aspect on a tie; null when none matches. */
    String aspectOf(List<String> words) {
        int[] weights = new int[vocabulary.aspects().size()];
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            for (AspectVocabulary.Term term : vocabulary.termsStartingWith(word)) {
                if (matchesAt(term, words, i)) {
                    weights[term.aspectIndex()] += term.weight();
                }
            }
            for (AspectVocabulary.Term term : vocabulary.singleWordPrefixes()) {
                if (word.startsWith(term.words()[0])) {
                    weights[term.aspectIndex()] += term.weight();
                }
            }
        }
        int best = -1;
        for (int a = 0; a < weights.length; a++) {
            if (weights[a] > 0 && (best < 0 || weights[a] > weights[best])) {
                best = a;
            }
        }
        return best < 0 ? null : vocabulary.aspects().get(best);
    }

    private static boolean matchesAt(AspectVocabulary.Term term, List<String> words, int at) {
        String[] termWords = term.words();
        if (at + termWords.length > words.size()) {
            return false;
        }
        int last = termWords.length - 1;
        for (int j = 0; j < last; j++) {
            if (!words.get(at + j).equals(termWords[j])) {
                return false;
            }
        }
        String word = words.get(at + last);
        return term.prefix() ? word.startsWith(termWords[last]) : word.equals(termWords[last]);
    }
}
