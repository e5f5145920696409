package io.aftercart.intelligence.sentiment;

import io.aftercart.intelligence.sentiment.internal.AspectFinder;
import io.aftercart.intelligence.sentiment.internal.AspectVocabulary;
import io.aftercart.intelligence.sentiment.internal.VaderLexicon;
import io.aftercart.intelligence.sentiment.internal.VaderScorer;
import java.util.List;
import java.util.Map;

/**
 * Scores texts (reviews, tickets, survey comments) as a whole and per aspect. The lexicons are loaded once, at
 * construction; afterwards it is immutable and thread-safe and needs no network.
 */
public class SentimentAnalyzer {

    private final VaderScorer scorer;
    private final AspectFinder aspects;

    public SentimentAnalyzer(Map<String, List<String>> aspectOverrides) {
        this.scorer = new VaderScorer(VaderLexicon.load());
        this.aspects = new AspectFinder(AspectVocabulary.defaultsWith(aspectOverrides));
    }

    /** With the default aspect vocabulary. */
    public SentimentAnalyzer() {
        this(Map.of());
    }

    public SentimentScore score(String text) {
        return scorer.score(text);
    }

    public TextSentiment analyze(String text) {
        List<AspectSentiment> found = aspects.mentions(text).stream().map(mention -> {
            double compound = scorer.score(mention.text()).compound();
            return new AspectSentiment(mention.aspect(), compound, SentimentLabel.of(compound), mention.sentence());
        }).toList();
        return new TextSentiment(scorer.score(text), found);
    }
}
