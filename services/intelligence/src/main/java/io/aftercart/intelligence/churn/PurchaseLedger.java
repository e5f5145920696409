package io.aftercart.intelligence.churn;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.intelligence.churn.internal.ChurnStore;
import io.aftercart.intelligence.churn.internal.OrderFact;
import io.aftercart.intelligence.churn.internal.OrderLedger;
import io.aftercart.intelligence.churn.internal.PurchaseSummaries;
import io.aftercart.platform.reporting.CurrencyConverter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each customer's {@link PurchaseSummary} up to date from order events. Every order event is stored as a
 * fact once per event id, and the summaries of the customers a batch touches are rebuilt from all their facts, in
 * the same transaction: redelivered, late and out-of-order events give the same result as an orderly stream.
 */
public class PurchaseLedger {

    private static final Logger log = LoggerFactory.getLogger(PurchaseLedger.class);

    private final ChurnStore store;
    private final OrderLedger orders;

    public PurchaseLedger(ChurnStore store, CurrencyConverter converter) {
        this.store = store;
        this.orders = new OrderLedger(converter);
    }

    /** @return the customers whose orders this batch touched */
    public Set<String> record(Collection<CanonicalEvent> events) {
        Map<String, OrderFact> facts = new LinkedHashMap<>();
        int unreadable = 0;
        for (CanonicalEvent event : events) {
            try {
                OrderFact.of(event).ifPresent(f -> facts.putIfAbsent(f.eventId(), f));
            } catch (RuntimeException e) {
                unreadable++; // properties that do not map onto their record; the collector validates, so rare
            }
        }
        if (unreadable > 0) {
            log.warn("Skipped {} order events whose properties could not be read", unreadable);
        }
        if (facts.isEmpty()) {
            return Set.of();
        }
        Set<String> customers = new TreeSet<>();
        facts.values().forEach(f -> customers.add(f.customerId()));
        store.store().transactions().executeWithoutResult(status -> {
            store.insertFacts(facts.values());
            Map<String, List<OrderFact>> byCustomer = new LinkedHashMap<>();
            store.facts(customers).forEach(f -> byCustomer.computeIfAbsent(f.customerId(), k -> new ArrayList<>()).add(f));
            List<PurchaseSummary> summaries = byCustomer.entrySet().stream()
                    .map(e -> PurchaseSummaries.summarize(e.getKey(), orders.purchases(e.getValue())))
                    .filter(Objects::nonNull).toList();
            store.replaceSummaries(customers, summaries);
        });
        return customers;
    }

    public Optional<PurchaseSummary> summary(String customerId) {
        return store.summary(customerId);
    }
}
