package io.aftercart.app.demo;

import java.math.BigDecimal;

/**
 * A catalogue entry. {@code quality} is a hidden trait in [-0.5, 0.5] that nudges ratings, so some products are
 * reliably loved and some reliably disappoint.
 */
record Product(String productId, String skuPrefix, String name, Category category, String brand, BigDecimal price,
               double quality) {
}
