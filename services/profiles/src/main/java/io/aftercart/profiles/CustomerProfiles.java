package io.aftercart.profiles;

import io.aftercart.contracts.EventJson;
import io.aftercart.platform.web.ServiceUnavailableException;
import io.aftercart.profiles.internal.Fact;
import io.aftercart.profiles.internal.FactRepository;
import io.aftercart.profiles.internal.IdentityComponent;
import io.aftercart.profiles.internal.LogRewinder;
import io.aftercart.profiles.internal.PageCursor;
import io.aftercart.profiles.internal.PiiProtector;
import io.aftercart.profiles.internal.ProfileJson;
import io.aftercart.profiles.internal.ProfileRepository;
import io.aftercart.profiles.internal.ProfileUpdater;
import io.aftercart.profiles.internal.StoredProfile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads profiles and timelines, and rebuilds the profiles state from the Kafka log. */
public class CustomerProfiles {

    private final ProfileRepository profiles;
    private final FactRepository facts;
    private final PiiProtector pii;
    private final ProfileUpdater updater;
    private final LogRewinder rewinder;
    private final Clock clock;

    public CustomerProfiles(ProfileRepository profiles, FactRepository facts, PiiProtector pii, ProfileUpdater updater,
            LogRewinder rewinder, Clock clock) {
        this.profiles = profiles;
        this.facts = facts;
        this.pii = pii;
        this.updater = updater;
        this.rewinder = rewinder;
        this.clock = clock;
    }

    /** The customer's profile, with {@code daysSinceLastOrder} as of now. */
    public Optional<CustomerProfile> profile(String customerId) {
        return profiles.find(customerId).map(stored -> asOfNow(ProfileJson.read(stored.body())));
    }

    /**
     * Profiles matching {@code filter}, by customer id.
     *
     * @param cursor the previous page's {@link ProfilePage#nextCursor()}, or null
     * @throws IllegalArgumentException when the cursor is not one of ours
     */
    public ProfilePage list(ProfileFilter filter, int limit, String cursor) {
        String afterId = cursor == null ? null : PageCursor.decode(cursor, 1).get(0);
        String emailHash = filter.email() == null ? null : pii.emailHash(filter.email());
        List<CustomerProfile> rows = profiles.list(filter, emailHash, afterId, limit + 1);
        List<CustomerProfile> page = rows.subList(0, Math.min(limit, rows.size())).stream().map(this::asOfNow).toList();
        String next = rows.size() > limit ? PageCursor.encode(page.get(limit - 1).customerId()) : null;
        return new ProfilePage(page, next);
    }

    /**
     * The customer's events (including those that arrived under a stitched id) in event-time order; empty when the
     * customer has no profile.
     *
     * @throws IllegalArgumentException when the cursor is not one of ours
     */
    public Optional<TimelinePage> timeline(String customerId, int limit, String cursor) {
        if (profiles.find(customerId).isEmpty()) {
            return Optional.empty();
        }
        Instant afterTime = null;
        String afterId = null;
        if (cursor != null) {
            List<String> parts = PageCursor.decode(cursor, 2);
            try {
                afterTime = Instant.parse(parts.get(0));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a cursor from a previous page", e);
            }
            afterId = parts.get(1);
        }
        IdentityComponent component = facts.component(Set.of(customerId));
        Set<String> members = component.graph().membersByRoot(component.ids())
                .getOrDefault(customerId, Set.of(customerId));
        List<Fact> rows = facts.timeline(members, afterTime, afterId, limit + 1);
        List<TimelineEntry> entries = rows.subList(0, Math.min(limit, rows.size())).stream()
                .map(f -> new TimelineEntry(f.eventId(), f.type(), f.time(), f.subjectId(),
                        f.detail() == null ? null : EventJson.mapper().readTree(f.detail())))
                .toList();
        String next = null;
        if (rows.size() > limit) {
            TimelineEntry last = entries.get(limit - 1);
            next = PageCursor.encode(last.time().toString(), last.eventId());
        }
        return Optional.of(new TimelinePage(customerId, entries, next));
    }

    /** The customer's decrypted contact data; for callers entitled to personal data only. */
    public Optional<Contact> contact(String customerId) {
        return profiles.find(customerId).map(stored -> new Contact(customerId, decrypt(stored, true),
                decrypt(stored, false)));
    }

    /**
     * Clears the profiles state and rewinds this process's consumer to the beginning of its topics, so the profiles
     * are computed again from the whole Kafka log.
     *
     * @throws ServiceUnavailableException when the consumer has no partitions yet (nothing is cleared then)
     */
    public RebuildStarted rebuild() {
        if (rewinder.assignedPartitions() == 0) {
            throw new ServiceUnavailableException("The profiles consumer has no partitions assigned yet", 5, null);
        }
        int[] rewound = new int[1];
        long cleared = updater.reset(() -> rewound[0] = rewinder.rewindToBeginning());
        return new RebuildStarted(cleared, rewound[0]);
    }

    private CustomerProfile asOfNow(CustomerProfile profile) {
        return profile.lastOrderAt() == null ? profile
                : profile.withDaysSinceLastOrder(Duration.between(profile.lastOrderAt(), clock.instant()).toDays());
    }

    private String decrypt(StoredProfile stored, boolean email) {
        var value = email ? stored.email() : stored.phone();
        return value == null ? null : pii.decrypt(value.cipher());
    }
}
