package io.aftercart.intelligence.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Aspects and their polarities on hand-written e-commerce texts. */
class SentimentAnalyzerTest {

    private static final SentimentAnalyzer analyzer = new SentimentAnalyzer();

    @Test
    void eachSentenceGetsItsAspectAndItsOwnPolarity() {
        TextSentiment sentiment = analyzer.analyze(
                "The delivery was super fast. The fabric is poor and it ripped after one wash!"
                        + " Customer service was very helpful.");
        assertThat(sentiment.aspects()).extracting(AspectSentiment::aspect, AspectSentiment::label,
                AspectSentiment::sentence).containsExactly(
                        tuple("delivery", SentimentLabel.POSITIVE, 0),
                        tuple("quality", SentimentLabel.NEGATIVE, 1),
                        tuple("service", SentimentLabel.POSITIVE, 2));
    }

    @Test
    void negationTurnsTheAspectPolarity() {
        assertThat(only("The packaging was good.").label()).isEqualTo(SentimentLabel.POSITIVE);
        AspectSentiment negated = only("The packaging was not good.");
        assertThat(negated.aspect()).isEqualTo("packaging");
        assertThat(negated.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(only("The refund was without any problem.").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void contrastSplitsASentenceIntoAspectsOfOppositePolarity() {
        TextSentiment sentiment = analyzer.analyze(
                "I love the quality of the material, but the shipping was horribly slow.");
        assertThat(sentiment.aspects()).extracting(AspectSentiment::aspect, AspectSentiment::label,
                AspectSentiment::sentence).containsExactly(
                        tuple("quality", SentimentLabel.POSITIVE, 0),
                        tuple("delivery", SentimentLabel.NEGATIVE, 0));
    }

    @Test
    void aClauseWithoutAspectWordsBelongsToTheAspectBeforeIt() {
        // one mention, scored with the "but" rule: the second clause weighs more
        AspectSentiment mention = only("The courier was late, but honestly I am happy anyway.");
        assertThat(mention.aspect()).isEqualTo("delivery");
        assertThat(mention.label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void sizeAndPriceAndReturnsAreRecognised() {
        TextSentiment sentiment = analyzer.analyze("These jeans run small and are too tight.\n"
                + "Great value for the money.\nThe refund took ages and I am still waiting, terrible.");
        assertThat(sentiment.aspects()).extracting(AspectSentiment::aspect)
                .containsExactly("size", "price", "returns");
        assertThat(sentiment.aspects().get(1).label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(sentiment.aspects().get(2).label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void textsWithoutAspectWordsHaveOnlyAnOverallScore() {
        TextSentiment sentiment = analyzer.analyze("I am so happy with it!");
        assertThat(sentiment.aspects()).isEmpty();
        assertThat(sentiment.score().label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void theVocabularyCanBeOverriddenAndExtended() {
        SentimentAnalyzer custom = new SentimentAnalyzer(Map.of(
                "delivery", List.of("postman"), "sustainability", List.of("eco*", "recycl*")));
        assertThat(custom.analyze("The courier was great. The postman was rude. Lovely recycled paper.").aspects())
                .extracting(AspectSentiment::aspect, AspectSentiment::sentence)
                .containsExactly(tuple("delivery", 1), tuple("sustainability", 2));
        assertThatThrownBy(() -> new SentimentAnalyzer(Map.of("delivery", List.of("late-ish"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("late-ish");
    }

    private static AspectSentiment only(String text) {
        List<AspectSentiment> aspects = analyzer.analyze(text).aspects();
        assertThat(aspects).as(text).hasSize(1);
        return aspects.get(0);
    }
}
