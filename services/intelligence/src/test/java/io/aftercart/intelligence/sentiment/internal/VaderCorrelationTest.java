package io.aftercart.intelligence.sentiment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pearson r between the compound score and the mean human rating on the ICWSM-2014 corpora (Hutto &amp; Gilbert 2014,
 * Table 4: tweets 0.881, movie snippets 0.451 with the 2014 code; current VADER gives 0.872 and 0.428).
 */
class VaderCorrelationTest {

    private static VaderScorer scorer;

    @BeforeAll
    static void load() {
        scorer = new VaderScorer(VaderLexicon.load());
    }

    @Test
    void tweetsCorrelateWithHumanRatingsAsPublished() {
        List<VaderReferenceData.Rated> tweets = VaderReferenceData.groundTruth("tweets");
        assertThat(tweets).hasSize(4200);
        assertThat(pearson("tweets", tweets)).isGreaterThanOrEqualTo(0.87);
    }

    @Test
    void movieSnippetsCorrelateWithHumanRatingsAsPublished() {
        List<VaderReferenceData.Rated> snippets = VaderReferenceData.groundTruth("movieReviewSnippets");
        assertThat(snippets).hasSize(10605);
        assertThat(pearson("movieReviewSnippets", snippets)).isGreaterThanOrEqualTo(0.42);
    }

    private static double pearson(String corpus, List<VaderReferenceData.Rated> rated) {
        double[] human = rated.stream().mapToDouble(VaderReferenceData.Rated::meanRating).toArray();
        double[] compound = rated.stream().mapToDouble(r -> scorer.score(r.text()).compound()).toArray();
        double r = new PearsonsCorrelation().correlation(compound, human);
        System.out.printf("VADER Pearson r %s: %.4f (n=%d)%n", corpus, r, rated.size());
        return r;
    }
}
