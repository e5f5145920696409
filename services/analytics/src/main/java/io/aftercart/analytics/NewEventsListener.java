package io.aftercart.analytics;

import io.aftercart.contracts.CanonicalEvent;
import java.util.List;

/**
 * Derives state from events as the warehouse stores them: called inside the warehouse's transaction with only the
 * events stored for the first time, so the derived state commits or rolls back with them and counts each event
 * exactly once, however often Kafka redelivers it.
 */
public interface NewEventsListener {

    NewEventsListener NONE = events -> { };

    void onNewEvents(List<CanonicalEvent> events);
}
