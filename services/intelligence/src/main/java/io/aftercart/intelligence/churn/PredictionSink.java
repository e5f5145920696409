package io.aftercart.intelligence.churn;

import java.util.List;

/** Where scores go when they change (the predictions topic in a running service). */
public interface PredictionSink {

    /** Publishes the predictions and returns once they are durable. */
    void publish(List<CustomerPrediction> predictions);
}
