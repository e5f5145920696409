package io.aftercart.intelligence.sentiment;

/**
 * The aspects of a purchase the default vocabulary knows; configured vocabularies may add others, so results carry
 * the aspect as its {@link #key()} string.
 */
public enum Aspect {
    DELIVERY, QUALITY, SIZE, PRICE, SERVICE, PACKAGING, RETURNS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
