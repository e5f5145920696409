package io.aftercart.profiles.kafka;

import static io.aftercart.profiles.TestEvents.at;
import static io.aftercart.profiles.TestEvents.json;
import static io.aftercart.profiles.TestEvents.order;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.contracts.EventJson;
import io.aftercart.contracts.Topics;
import io.aftercart.profiles.internal.Fact;
import io.aftercart.profiles.internal.FactExtractor;
import io.aftercart.profiles.internal.PiiProtector;
import io.aftercart.profiles.internal.PollInput;
import io.aftercart.profiles.internal.ProfileUpdater;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ProfilesListenerTest {

    private final List<PollInput> applied = new ArrayList<>();
    private final ProfileUpdater updater = new ProfileUpdater(null, null, null, null, null, null) {
        @Override
        public synchronized int apply(PollInput input) {
            applied.add(input);
            return 0;
        }
    };
    private final ProfilesListener listener =
            new ProfilesListener(updater, new FactExtractor(new PiiProtector(new byte[32])));

    @Test
    void readsEventsWhateverTheirClientContextAndSkipsUnreadableRecords() {
        CanonicalEvent ordered = order("e1", "c1", at(1), "o1", "42.5", 2);
        CanonicalEvent withContext = new CanonicalEvent(ordered.id(), ordered.type(), ordered.schema(),
                ordered.source(), ordered.time(), ordered.receivedAt(), ordered.customerId(), null,
                ordered.properties(), json("{'library':{'name':'analytics.js','version':'4.1'},'ip':'203.0.113.9',"
                        + "'page':{'url':'https://shop.example.com/checkout','referrer':null},"
                        + "'traits':[1,2,{'a':[]}]}"));

        listener.onMessage(List.of(
                new ConsumerRecord<>(Topics.EVENTS.topicName(), 0, 0, "c1", EventJson.write(withContext)),
                new ConsumerRecord<>(Topics.EVENTS.topicName(), 0, 1, "c1", "{not json".getBytes(UTF_8))));

        assertThat(applied).hasSize(1);
        assertThat(applied.get(0).facts()).hasSize(1);
        Fact fact = applied.get(0).facts().get(0);
        assertThat(fact.eventId()).isEqualTo("e1");
        assertThat(fact.subjectId()).isEqualTo("c1");
        assertThat(fact.time()).isEqualTo(at(1));
        assertThat(fact.orderId()).isEqualTo("o1");
        assertThat(fact.amount()).isEqualByComparingTo("42.5");
        assertThat(fact.items()).isEqualTo(2);
    }
}
