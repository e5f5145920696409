package io.aftercart.intelligence.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The offline evaluation on UCI Online Retail (see {@link RecommendationEvaluation}) against its baseline. */
class RecommendationEvaluationTest {

    @Test
    void beatsPopularityOnTheSeptemberSplit() {
        RecommendationEvaluation.Result result = RecommendationEvaluation.evaluate(OnlineRetailOrders.read());
        System.out.println(result.table());

        assertThat(result.modelAll().customers()).isGreaterThan(500);
        assertThat(result.modelAll().precision()).isGreaterThanOrEqualTo(2.5 * result.popularAll().precision());
        assertThat(result.modelNew().precision()).isGreaterThanOrEqualTo(1.7 * result.popularNew().precision());
        assertThat(result.modelAll().ndcg()).isGreaterThan(result.popularAll().ndcg());
        assertThat(result.modelNew().ndcg()).isGreaterThan(result.popularNew().ndcg());
        assertThat(result.modelAll().coverage()).isGreaterThan(result.popularAll().coverage());
    }
}
