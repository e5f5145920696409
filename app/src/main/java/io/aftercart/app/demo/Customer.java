package io.aftercart.app.demo;

import java.time.Duration;
import java.util.List;

/**
 * A simulated shopper. {@code ordersPerDay} and {@code dropoutAfterOrder} are the latent BG/NBD traits (purchase rate
 * while active, chance of silently leaving after each order) that the churn/CLV model should recover.
 */
record Customer(int index, String id, String firstName, String lastName, double ordersPerDay,
                double dropoutAfterOrder, List<Category> favourites, String clothingSize, String shoeSize,
                boolean likesEmail, Duration firstOrderAfterStart) {

    String email() {
        return (firstName + "." + lastName).toLowerCase().replaceAll("[^a-z.]", "") + index + "@example.com";
    }

    /** UK numbers reserved for drama (07700 900000–900999), so they can never reach a real phone. */
    String phone() {
        return String.format("+44 7700 900%03d", index % 1000);
    }
}
