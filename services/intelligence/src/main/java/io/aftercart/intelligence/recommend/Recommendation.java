package io.aftercart.intelligence.recommend;

/**
 * One recommended product.
 *
 * @param score      the ranking score; comparable only within one answer
 * @param reasonType the strongest reason it is recommended
 * @param reason     the reason in words, e.g. "bought with PAPER CHAIN KIT" or "you buy this every ~4 weeks"
 * @param basedOn    the product the reason refers to (for {@link ReasonType#BOUGHT_WITH}), or null
 * @param rebuyWeeks the re-buy interval in weeks (for {@link ReasonType#REPURCHASE}), or null when unknown
 */
public record Recommendation(String productId, String name, String category, double score, ReasonType reasonType,
        String reason, String basedOn, Integer rebuyWeeks) {
}
