package io.aftercart.profiles.internal;

import java.util.ArrayList;
import java.util.List;

/** What one Kafka poll brought, sorted by kind, in log order. */
public record PollInput(List<Fact> facts, List<IdentityLink> links, List<Prediction> predictions,
        List<SentimentResult> sentiments) {

    public PollInput() {
        this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    public boolean isEmpty() {
        return facts.isEmpty() && links.isEmpty() && predictions.isEmpty() && sentiments.isEmpty();
    }
}
