package io.aftercart.intelligence.sentiment;

/**
 * The sentiment of one text.
 *
 * @param compound normalised sum of the valences, in [−1, 1]
 * @param pos      share of the text's sentiment intensity that is positive (pos + neu + neg = 1, or all 0 for no words)
 * @param neu      share that is neutral
 * @param neg      share that is negative
 */
public record SentimentScore(double compound, double pos, double neu, double neg) {

    public static final SentimentScore NONE = new SentimentScore(0, 0, 0, 0);

    public SentimentLabel label() {
        return SentimentLabel.of(compound);
    }
}
