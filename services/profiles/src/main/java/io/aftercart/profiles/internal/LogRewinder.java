package io.aftercart.profiles.internal;

/** The consumer side of a rebuild: rewinds this process's consumer to the beginning of its topics. */
public interface LogRewinder {

    /** Partitions currently assigned to this process's consumer. */
    int assignedPartitions();

    /** Asks the consumer to re-read all assigned partitions from the beginning; returns how many. */
    int rewindToBeginning();
}
