package io.aftercart.collector;

import java.util.List;

/** The answer to an ingest request: Segment's {@code success} flag, counts, and one result per event. */
public record IngestResponse(boolean success, int accepted, int duplicates, int rejected, List<EventResult> results) {

    public static IngestResponse of(List<EventResult> results) {
        int accepted = 0;
        int duplicates = 0;
        for (EventResult result : results) {
            switch (result.status()) {
                case accepted -> accepted++;
                case duplicate -> duplicates++;
                case rejected -> { }
            }
        }
        return new IngestResponse(true, accepted, duplicates, results.size() - accepted - duplicates, results);
    }
}
