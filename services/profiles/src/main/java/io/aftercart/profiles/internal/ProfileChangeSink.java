package io.aftercart.profiles.internal;

import java.util.List;

/** Where profile changes go. */
@FunctionalInterface
public interface ProfileChangeSink {

    /**
     * Starts publishing {@code changes}, so they travel while the caller stores them; a poll is committed only after
     * {@link Publication#awaitDurable()} returned.
     */
    Publication publish(List<ProfileChange> changes);

    /** Changes on their way. */
    @FunctionalInterface
    interface Publication {

        /** Returns once every change is durable; throws when one could not be published. */
        void awaitDurable();
    }
}
