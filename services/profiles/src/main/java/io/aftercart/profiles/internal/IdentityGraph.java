package io.aftercart.profiles.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves ids to the customer they belong to. Each source id follows its latest link (by event time, then event
 * id), so the result depends on the set of links, never on the order they arrived in. Links are followed
 * transitively (an alias of an alias); in the rare cycle the smallest id of the cycle is the root.
 */
public final class IdentityGraph {

    private static final Comparator<IdentityLink> LATEST =
            Comparator.comparing(IdentityLink::time).thenComparing(IdentityLink::eventId);

    private final Map<String, String> targetOf = new HashMap<>();

    public IdentityGraph(Collection<IdentityLink> links) {
        Map<String, IdentityLink> winning = new HashMap<>();
        for (IdentityLink link : links) {
            winning.merge(link.sourceId(), link, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
        }
        winning.forEach((source, link) -> targetOf.put(source, link.targetId()));
    }

    /** The id whose profile holds {@code id}'s events. */
    public String root(String id) {
        Set<String> path = new LinkedHashSet<>();
        String current = id;
        while (targetOf.containsKey(current) && path.add(current)) {
            current = targetOf.get(current);
        }
        if (!path.contains(current)) {
            return current;
        }
        List<String> pathList = new ArrayList<>(path);
        return new TreeSet<>(pathList.subList(pathList.indexOf(current), pathList.size())).first();
    }

    /** Whether {@code id} is the target of a winning link, i.e. a customer id someone was stitched to. */
    public boolean isLinkTarget(String id) {
        return targetOf.containsValue(id);
    }

    /** Every id of {@code ids} grouped by root. */
    public Map<String, Set<String>> membersByRoot(Collection<String> ids) {
        Map<String, Set<String>> members = new HashMap<>();
        for (String id : ids) {
            members.computeIfAbsent(root(id), r -> new TreeSet<>()).add(id);
        }
        members.forEach((root, set) -> set.add(root));
        return members;
    }
}
