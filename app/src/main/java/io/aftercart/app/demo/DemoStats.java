package io.aftercart.app.demo;

/**
 * What the demo shop has sent so far; accepted, duplicates and rejected come from the collector's per-event results.
 */
public record DemoStats(long eventsSent, long accepted, long duplicates, long rejected) {
}
