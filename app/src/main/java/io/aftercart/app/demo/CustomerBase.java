package io.aftercart.app.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the customer population: heterogeneous purchase rates (gamma) and dropout chances (beta), as BG/NBD assumes.
 */
final class CustomerBase {

    /** Gamma shape below 1: most customers buy rarely, a few buy often. Mean ~ one order per 55 days while active. */
    private static final double RATE_SHAPE = 0.8;
    private static final double RATE_SCALE = 1.0 / 44;
    /** Beta(1.2, 2.0): mean dropout ~ 3/8 after each order. */
    private static final double DROPOUT_A = 1.2;
    private static final double DROPOUT_B = 2.0;

    private static final List<String> FIRST_NAMES = List.of("Olivia", "Amelia", "Isla", "Ava", "Mia", "Freya",
            "Lily", "Grace", "Sophie", "Evie", "Chloe", "Priya", "Aisha", "Zara", "Hannah", "Emily", "Ruby", "Ella",
            "Oliver", "George", "Noah", "Arthur", "Leo", "Oscar", "Harry", "Jack", "Charlie", "Thomas", "James",
            "Mohammed", "Arjun", "Daniel", "Samuel", "Joseph", "Finley", "Callum", "Rhys", "Ewan", "Tomasz", "Luca");
    private static final List<String> LAST_NAMES = List.of("Smith", "Jones", "Taylor", "Brown", "Williams",
            "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White",
            "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Hughes", "Edwards", "Murphy", "Kowalski",
            "O'Brien", "Campbell", "Stewart", "Macdonald", "Singh", "Ahmed", "Lewis", "Harris", "Martin", "Cooper");
    private static final List<String> CLOTHING_SIZES = List.of("XS", "S", "M", "L", "XL");
    private static final double[] CLOTHING_SIZE_WEIGHTS = {1, 3, 4, 3, 1.5};
    private static final List<String> SHOE_SIZES = List.of("4", "5", "6", "7", "8", "9", "10", "11");

    private CustomerBase() {
    }

    static List<Customer> draw(long seed, int count, int historyDays) {
        List<Customer> customers = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            customers.add(draw(new SplittableRandom(DemoTraffic.mix(seed, i, 1)), i, String.format("cust-%06d", i),
                    historyDays));
        }
        return customers;
    }

    /** A customer who first shows up during the live phase. */
    static Customer newcomer(SplittableRandom rng, int index, String id) {
        return draw(rng, index, id, 0);
    }

    private static Customer draw(SplittableRandom rng, int index, String id, int historyDays) {
        Category[] all = Category.values();
        Category first = all[rng.nextInt(all.length)];
        Category second = Randoms.chance(rng, 0.5) ? first.complement() : all[rng.nextInt(all.length)];
        // The shop grows: later months bring more new customers than earlier ones.
        double acquiredAtFraction = Math.pow(rng.nextDouble(), 0.8);
        return new Customer(index, id,
                Randoms.pick(rng, FIRST_NAMES), Randoms.pick(rng, LAST_NAMES),
                Randoms.gamma(rng, RATE_SHAPE, RATE_SCALE),
                Randoms.beta(rng, DROPOUT_A, DROPOUT_B),
                first == second ? List.of(first) : List.of(first, second),
                CLOTHING_SIZES.get(Randoms.weightedIndex(rng, CLOTHING_SIZE_WEIGHTS)),
                Randoms.pick(rng, SHOE_SIZES),
                Randoms.chance(rng, 0.6),
                Duration.ofSeconds((long) (acquiredAtFraction * historyDays * 86_400)));
    }
}
