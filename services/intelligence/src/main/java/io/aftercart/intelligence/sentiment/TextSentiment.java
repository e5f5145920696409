package io.aftercart.intelligence.sentiment;

import java.util.List;

/** The sentiment of a whole text and of each aspect it talks about, in text order. */
public record TextSentiment(SentimentScore score, List<AspectSentiment> aspects) {
}
