package io.aftercart.app.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A product in a basket, in one size (apparel) and quantity. */
record LineItem(Product product, String size, int quantity) {

    BigDecimal amount() {
        return product.price().multiply(BigDecimal.valueOf(quantity));
    }

    Map<String, Object> toProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("product_id", product.productId());
        p.put("sku", size == null ? product.skuPrefix() : product.skuPrefix() + "-" + size);
        p.put("name", size == null ? product.name() : product.name() + " (" + size + ")");
        p.put("category", product.category().label);
        p.put("brand", product.brand());
        p.put("price", product.price());
        p.put("quantity", quantity);
        return p;
    }
}
