package io.aftercart.intelligence.sentiment;

/**
 * The polarity of what one sentence (or one clause of it, when a contrast splits it) says about one aspect.
 *
 * @param aspect   the aspect key, e.g. {@code delivery}
 * @param compound the compound score of the words about the aspect
 * @param label    its polarity class
 * @param sentence zero-based index of the sentence in the text
 */
public record AspectSentiment(String aspect, double compound, SentimentLabel label, int sentence) {
}
