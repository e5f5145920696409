package io.aftercart.profiles.internal;

import java.util.List;

/** Where profile changes go; returns only once they are durable, so a poll is committed only after its changes. */
@FunctionalInterface
public interface ProfileChangeSink {
    void publish(List<ProfileChange> changes);
}
