package io.aftercart.profiles.internal;

import io.aftercart.platform.store.ServiceStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies a poll: stores its facts, links and scores, then recomputes the profile of every customer the poll
 * touched (including customers who gained or lost a stitched id) from all of their stored facts, and writes and
 * publishes the profiles that changed. All of it runs in one transaction that commits only after the changes were
 * published; a redelivered poll stores nothing new and changes no profile.
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
            facts.insert(input.facts());
            facts.insertLinks(input.links());
            scores.upsertPredictions(input.predictions());
            scores.insertSentiments(input.sentiments());
            List<ProfileChange> changes = recompute(touchedIds(input));
            sink.publish(changes);
            return changes.size();
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

    private List<ProfileChange> recompute(Set<String> touched) {
        IdentityComponent component = facts.component(touched);
        IdentityGraph graph = component.graph();
        Map<String, Set<String>> membersByRoot = graph.membersByRoot(component.ids());
        Map<String, List<Fact>> factsBySubject = new HashMap<>();
        facts.factsOf(component.ids()).forEach(f ->
                factsBySubject.computeIfAbsent(f.subjectId(), k -> new ArrayList<>()).add(f));
        Set<String> customers = new HashSet<>();
        membersByRoot.keySet().forEach(root -> {
            boolean knownCustomer = factsBySubject.getOrDefault(root, List.of()).stream().anyMatch(f -> !f.anonymous());
            if (knownCustomer || graph.isLinkTarget(root)) {
                customers.add(root);
            }
        });
        Map<String, Prediction> predictions = scores.predictionsOf(customers);
        Map<String, List<SentimentResult>> sentimentsByRoot = new HashMap<>();
        scores.sentimentsOf(component.ids()).forEach(s ->
                sentimentsByRoot.computeIfAbsent(graph.root(s.customerId()), k -> new ArrayList<>()).add(s));
        Map<String, StoredProfile> existing = profiles.storedOf(component.ids());

        Map<String, ProfileChange> changes = new TreeMap<>();
        List<FoldedProfile> updated = new ArrayList<>();
        for (String customer : customers) {
            Set<String> members = membersByRoot.get(customer);
            List<Fact> memberFacts = new ArrayList<>();
            members.forEach(id -> memberFacts.addAll(factsBySubject.getOrDefault(id, List.of())));
            FoldedProfile folded = fold.fold(customer, members, memberFacts, predictions.get(customer),
                    sentimentsByRoot.getOrDefault(customer, List.of()));
            StoredProfile candidate = StoredProfile.of(folded);
            if (!candidate.sameAs(existing.get(customer))) {
                updated.add(folded);
                changes.put(customer, new ProfileChange(customer, candidate.body()));
            }
        }
        List<String> mergedAway = existing.keySet().stream().filter(id -> !customers.contains(id)).toList();
        mergedAway.forEach(id -> changes.put(id, new ProfileChange(id, null)));
        profiles.delete(mergedAway);
        profiles.upsert(updated);
        return new ArrayList<>(changes.values());
    }
}
