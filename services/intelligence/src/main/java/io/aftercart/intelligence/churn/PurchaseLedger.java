package io.aftercart.intelligence.churn;

import io.aftercart.contracts.CanonicalEvent;
import io.aftercart.intelligence.churn.internal.ChurnStore;
import io.aftercart.intelligence.churn.internal.OrderFact;
import io.aftercart.intelligence.churn.internal.OrderLedger;
import io.aftercart.intelligence.churn.internal.PurchaseSummaries;
import io.aftercart.platform.reporting.CurrencyConverter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each customer's {@link PurchaseSummary} up to date from order events. Every order event is stored as a
 * fact once per event id, and the summaries of the customers with new facts are rebuilt from all their facts, in
 * the same transaction: redelivered, late and out-of-order events give the same result as an orderly stream.
 */
public class PurchaseLedger {

    /** The types of the events {@link #record} reads; events of other types need not be read at all. */
    public static final Set<String> EVENT_TYPES = OrderFact.TYPES;

    private static final Logger log = LoggerFactory.getLogger(PurchaseLedger.class);

    private final ChurnStore store;
    private final OrderLedger orders;

    public PurchaseLedger(ChurnStore store, CurrencyConverter converter) {
        this.store = store;
        this.orders = new OrderLedger(converter);
    }

    /**
     * Records the order events, then hands the summaries of the customers with facts not recorded before (as
     * stored; a customer left without purchases has none) to {@code beforeCommit}, in customer order, inside the
     * transaction. If it throws, nothing is recorded and a redelivery does it all again; events recorded before
     * change nobody and are not handed on again.
     *
     * @return the customers with new facts
     */
    public Set<String> record(Collection<CanonicalEvent> events, Consumer<List<PurchaseSummary>> beforeCommit) {
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
        return store.store().transactions().execute(status -> {
            Set<String> customers = new TreeSet<>();
            store.insertFacts(facts.values()).forEach(eventId -> customers.add(facts.get(eventId).customerId()));
            if (customers.isEmpty()) {
                return customers;
            }
            Map<String, List<OrderFact>> byCustomer = new HashMap<>();
            store.facts(customers)
                    .forEach(f -> byCustomer.computeIfAbsent(f.customerId(), k -> new ArrayList<>()).add(f));
            List<PurchaseSummary> summaries = customers.stream()
                    .map(customer -> PurchaseSummaries.summarize(customer, orders.purchases(byCustomer.get(customer))))
                    .filter(Objects::nonNull).toList();
            beforeCommit.accept(store.replaceSummaries(customers, summaries));
            return customers;
        });
    }

    public Optional<PurchaseSummary> summary(String customerId) {
        return store.summary(customerId);
    }
}
