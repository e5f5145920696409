package io.aftercart.profiles.kafka;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.profiles.internal.FactExtractor;
import io.aftercart.profiles.internal.LogRewinder;
import io.aftercart.profiles.internal.PollInput;
import io.aftercart.profiles.internal.Prediction;
import io.aftercart.profiles.internal.ProfileUpdater;
import io.aftercart.profiles.internal.SentimentResult;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.BatchMessageListener;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;

/**
 * One consumer for everything a profile is made of: canonical events, predictions and sentiment results, so the
 * recomputation of a customer never races with itself. Records that cannot be read are skipped with a warning
 * (the analytics service dead-letters unreadable events; their payload may hold personal data and is not logged).
 * Being seek-aware lets a rebuild rewind the consumer to the beginning of its topics.
 */
public class ProfilesListener extends AbstractConsumerSeekAware
        implements BatchMessageListener<String, byte[]>, LogRewinder {

    private static final Logger log = LoggerFactory.getLogger(ProfilesListener.class);
    /** Reads events as {@link EventJson} does, but skips the client context, which no profile uses, unparsed. */
    private static final ObjectReader EVENTS = EventJson.mapper().rebuild()
            .addMixIn(CanonicalEvent.class, WithoutContext.class).build().readerFor(CanonicalEvent.class);

    private final ProfileUpdater updater;
    private final FactExtractor extractor;

    public ProfilesListener(ProfileUpdater updater, FactExtractor extractor) {
        this.updater = updater;
        this.extractor = extractor;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        PollInput input = new PollInput();
        int skipped = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue; // a tombstone of a compacted topic: nothing to apply
            }
            try {
                read(record, input);
            } catch (JacksonException | IllegalArgumentException e) {
                skipped++;
            }
        }
        if (skipped > 0) {
            log.warn("Skipped {} of {} records that could not be read", skipped, records.size());
        }
        updater.apply(input);
    }

    private void read(ConsumerRecord<String, byte[]> record, PollInput input) {
        if (record.topic().equals(Topics.EVENTS.topicName())) {
            CanonicalEvent event = EVENTS.readValue(record.value());
            if (event == null) {
                throw new IllegalArgumentException("no event");
            }
            extractor.fact(event).ifPresent(input.facts()::add);
            FactExtractor.link(event).ifPresent(input.links()::add);
        } else if (record.topic().equals(Topics.PREDICTIONS.topicName())) {
            Prediction prediction = Prediction.parse(record.value());
            input.predictions()
                    .add(prediction.customerId() != null ? prediction : prediction.forCustomer(record.key()));
        } else if (record.topic().equals(Topics.SENTIMENT.topicName())) {
            input.sentiments().add(SentimentResult.parse(record.value()));
        }
    }

    @JsonIgnoreProperties("context")
    private interface WithoutContext {
    }

    @Override
    public int assignedPartitions() {
        return getTopicsAndCallbacks().size();
    }

    @Override
    public int rewindToBeginning() {
        int partitions = assignedPartitions();
        seekToBeginning();
        return partitions;
    }
}
