package io.aftercart.profiles.internal;

import io.aftercart.platform.store.ServiceStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a poll: stores its facts, links and scores, then brings the profile of every customer the poll touched
 * (including customers who gained or lost a stitched id) up to date, and writes and publishes the profiles that
 * changed. A customer whose stitched ids are unchanged and whose new facts all come after the last fact of their
 * stored {@link FoldState} (by event time, then event id) has just those facts folded onto it; any other customer
 * (a late or out-of-order event, an identity merge or split, a profile stored without a fold state) is folded again
 * from all stored facts of their ids. Both give the same profile. All of it runs in one transaction that commits only
 * after the changes were published; a redelivered poll stores nothing new and changes no profile.
 * Polls and resets are serialised, so two recomputations of one customer never interleave in this process.
 */
public class ProfileUpdater {

    private final ServiceStore store;
    private final FactRepository facts;
    private final ScoreRepository scores;
    private final ProfileRepository profiles;
    private final ProfileFold fold;
    private final ProfileChangeSink sink;

    public ProfileUpdater(ServiceStore store, FactRepository facts, ScoreRepository scores,
            ProfileRepository profiles, ProfileFold fold, ProfileChangeSink sink) {
        this.store = store;
        this.facts = facts;
        this.scores = scores;
        this.profiles = profiles;
        this.fold = fold;
        this.sink = sink;
    }

    /** @return how many profiles changed (created, updated or merged away) */
    public synchronized int apply(PollInput input) {
        if (input.isEmpty()) {
            return 0;
        }
        Integer changed = store.transactions().execute(status -> {
            List<Fact> newFacts = facts.insertNew(input.facts());
            facts.insertLinks(input.links());
            scores.upsertPredictions(input.predictions());
            scores.insertSentiments(input.sentiments());
            return updateProfiles(touchedIds(input), newFacts);
        });
        return changed == null ? 0 : changed;
    }

    /**
     * Clears all profiles state, then runs {@code thenRewind} (before any further poll is applied).
     *
     * @return how many profiles there were
     */
    public synchronized long reset(Runnable thenRewind) {
        Long cleared = store.transactions().execute(status -> {
            long count = profiles.count();
            profiles.deleteAll();
            facts.deleteAll();
            scores.deleteAll();
            return count;
        });
        thenRewind.run();
        return cleared == null ? 0 : cleared;
    }

    private static Set<String> touchedIds(PollInput input) {
        Set<String> ids = new HashSet<>();
        input.facts().forEach(f -> ids.add(f.subjectId()));
        input.links().forEach(l -> {
            ids.add(l.sourceId());
            ids.add(l.targetId());
        });
        input.predictions().forEach(p -> ids.add(p.customerId()));
        input.sentiments().forEach(s -> ids.add(s.customerId()));
        return ids;
    }

    /** @return how many profiles changed */
    private int updateProfiles(Set<String> touched, List<Fact> newFacts) {
        IdentityComponent component = facts.component(touched);
        IdentityGraph graph = component.graph();
        Map<String, Set<String>> membersByRoot = graph.membersByRoot(component.ids());
        Map<String, StoredProfile> existing = profiles.storedOf(component.ids());
        Map<String, FoldState> folds = foldStates(graph, membersByRoot, existing, newFacts);
        Map<String, Prediction> predictions = scores.predictionsOf(folds.keySet());
        Map<String, List<SentimentResult>> sentimentsByRoot = new HashMap<>();
        scores.sentimentsOf(component.ids()).forEach(s ->
                sentimentsByRoot.computeIfAbsent(graph.root(s.customerId()), k -> new ArrayList<>()).add(s));
        Map<String, Fact> sentimentSources = sentimentSources(sentimentsByRoot.values());

        Map<String, ProfileChange> changes = new TreeMap<>();
        List<FoldedProfile> updated = new ArrayList<>();
        folds.forEach((customer, state) -> {
            FoldedProfile folded = fold.profile(customer, state, predictions.get(customer),
                    sentimentsByRoot.getOrDefault(customer, List.of()), eventId -> {
                        Fact source = sentimentSources.get(eventId);
                        return source != null && state.members().contains(source.subjectId()) ? source.type() : null;
                    });
            StoredProfile stored = existing.get(customer);
            if (!folded.stored().sameAs(stored)) {
                changes.put(customer, new ProfileChange(customer, ProfileJson.write(folded.profile())));
            }
            if (!folded.stored().sameRowAs(stored)) {
                updated.add(folded);
            }
        });
        List<String> mergedAway = existing.keySet().stream().filter(id -> !folds.containsKey(id)).toList();
        mergedAway.forEach(id -> changes.put(id, new ProfileChange(id, null)));
        // The changes travel to Kafka while the store writes them, and the transaction (hence the poll's offsets)
        // commits only once Kafka acknowledged them. Committing first and awaiting the acks later would be unsafe: a
        // crash in between leaves profiles stored but never published, and their redelivered events change nothing,
        // so nothing would publish them again.
        ProfileChangeSink.Publication publication = sink.publish(new ArrayList<>(changes.values()));
        profiles.delete(mergedAway);
        profiles.upsert(updated, existing.keySet());
        publication.awaitDurable();
        return changes.size();
    }

    /**
     * The fold state of every customer among the roots, brought up to date: continued from the stored one where the
     * new facts allow it, else folded from all stored facts of the customer's ids.
     *
     * <p>A root without a stored profile was no customer before this poll (every poll stores the profiles of the
     * customers it makes), so it becomes one only through a new fact naming it as customer or a stitch to it; the
     * history of an anonymous id that neither happened to is not read.
     */
    private Map<String, FoldState> foldStates(IdentityGraph graph, Map<String, Set<String>> membersByRoot,
            Map<String, StoredProfile> existing, List<Fact> newFacts) {
        Map<String, List<Fact>> newByRoot = new HashMap<>();
        newFacts.forEach(f -> newByRoot.computeIfAbsent(graph.root(f.subjectId()), k -> new ArrayList<>()).add(f));
        Map<String, FoldState> folds = new HashMap<>();
        Set<String> refold = new HashSet<>();
        membersByRoot.forEach((root, members) -> {
            List<Fact> newer = newByRoot.getOrDefault(root, new ArrayList<>());
            newer.sort(Fact.EVENT_ORDER);
            StoredProfile stored = existing.get(root);
            FoldState state = stored == null ? null : stored.resumeFold();
            if (state != null && state.continuesWith(members, newer)) {
                newer.forEach(state::apply);
                folds.put(root, state);
            } else if (stored != null || graph.isLinkTarget(root)
                    || newer.stream().anyMatch(f -> !f.anonymous() && f.subjectId().equals(root))) {
                refold.add(root);
            }
        });
        folds.putAll(refolded(graph, membersByRoot, refold));
        return folds;
    }

    /**
     * The customers among {@code roots} (a root with a fact naming it as customer, or the target of a stitch), each
     * folded from all stored facts of their ids.
     */
    private Map<String, FoldState> refolded(IdentityGraph graph, Map<String, Set<String>> membersByRoot,
            Set<String> roots) {
        List<String> ids = roots.stream().flatMap(root -> membersByRoot.get(root).stream()).toList();
        Map<String, List<Fact>> factsBySubject = new HashMap<>();
        facts.factsOf(ids).forEach(f -> factsBySubject.computeIfAbsent(f.subjectId(), k -> new ArrayList<>()).add(f));
        Map<String, FoldState> folds = new HashMap<>();
        for (String root : roots) {
            boolean knownCustomer = factsBySubject.getOrDefault(root, List.of()).stream().anyMatch(f -> !f.anonymous());
            if (knownCustomer || graph.isLinkTarget(root)) {
                Set<String> members = membersByRoot.get(root);
                List<Fact> memberFacts = new ArrayList<>();
                members.forEach(id -> memberFacts.addAll(factsBySubject.getOrDefault(id, List.of())));
                folds.put(root, FoldState.replay(members, memberFacts));
            }
        }
        return folds;
    }

    /** The stored facts of the events behind each customer's latest negative sentiment, by event id. */
    private Map<String, Fact> sentimentSources(Collection<List<SentimentResult>> sentimentsByCustomer) {
        List<String> eventIds = sentimentsByCustomer.stream().map(ProfileFold::latestNegative)
                .flatMap(Optional::stream).map(SentimentResult::eventId).toList();
        Map<String, Fact> sources = new HashMap<>();
        facts.factsById(eventIds).forEach(f -> sources.put(f.eventId(), f));
        return sources;
    }
}
