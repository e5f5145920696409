package io.aftercart.intelligence.recommend;

/** Why a product is recommended. */
public enum ReasonType {
    /** Customers who kept a product this customer kept (named in {@code basedOn}) also kept this one. */
    BOUGHT_WITH,
    /** The customer bought it before and it is re-bought at a typical interval. */
    REPURCHASE,
    /** Popular in a category of the customer's first order, or of the product asked about. */
    POPULAR_IN_CATEGORY,
    /** Popular with all customers: the fallback when nothing more specific is known. */
    POPULAR
}
