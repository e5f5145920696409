package io.aftercart.profiles;

/**
 * A rebuild was started: the profiles state was cleared and the consumer rewound to the start of its topics.
 *
 * @param profilesCleared    profiles that existed before
 * @param partitionsRewound  partitions this process's consumer rewound
 */
public record RebuildStarted(long profilesCleared, int partitionsRewound) {
}
