package io.aftercart.intelligence.sentiment.bench;

import io.aftercart.intelligence.sentiment.SentimentAnalyzer;
import io.aftercart.intelligence.sentiment.internal.VaderReferenceData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Review sentences scored per second on one thread, with the lexicon loaded once: the full scorer, the scorer with
 * aspects, and a same-run baseline that only sums the lexicon valences of the lower-cased words. Sentences are the
 * 10,605 movie-review snippets of the ICWSM-2014 corpus. Target: at least 50,000 sentences/s for the scorer.
 * Run: {@code java -cp <test classpath> io.aftercart.intelligence.sentiment.bench.SentimentBenchmark [seconds]}.
 */
public final class SentimentBenchmark {

    private SentimentBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        List<String> sentences = VaderReferenceData.groundTruth("movieReviewSnippets").stream()
                .map(VaderReferenceData.Rated::text).toList();
        SentimentAnalyzer analyzer = new SentimentAnalyzer();
        Map<String, Double> lexicon = lexicon();
        ToDoubleFunction<String> naive = text -> {
            double sum = 0;
            for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
                sum += lexicon.getOrDefault(word, 0.0);
            }
            return sum;
        };
        ToDoubleFunction<String> scorer = text -> analyzer.score(text).compound();
        ToDoubleFunction<String> withAspects = text -> analyzer.analyze(text).aspects().size();
        for (int round = 0; round < 2; round++) { // round 0 warms up the JIT
            double baseline = rate(sentences, naive, seconds);
            double scored = rate(sentences, scorer, seconds);
            double aspects = rate(sentences, withAspects, seconds);
            if (round == 1) {
                System.out.printf(Locale.ROOT, "baseline (naive lexicon sum): %,.0f sentences/s%n", baseline);
                System.out.printf(Locale.ROOT, "VADER-class scorer:           %,.0f sentences/s (%.2fx baseline)%n",
                        scored, scored / baseline);
                System.out.printf(Locale.ROOT, "scorer + aspects:             %,.0f sentences/s (%.2fx baseline)%n",
                        aspects, aspects / baseline);
                System.out.printf(Locale.ROOT, "target 50,000 sentences/s for the scorer: %s%n",
                        scored >= 50_000 ? "met" : "NOT met");
            }
        }
    }

    private static double rate(List<String> sentences, ToDoubleFunction<String> score, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        double sink = 0;
        while (System.nanoTime() < deadline) {
            for (String sentence : sentences) {
                sink += score.applyAsDouble(sentence);
            }
            count += sentences.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(sink)) {
            System.out.println("unexpected NaN");
        }
        return count / elapsed;
    }

    private static Map<String, Double> lexicon() throws IOException {
        Map<String, Double> lexicon = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(SentimentBenchmark.class
                .getClassLoader().getResourceAsStream("sentiment/vader_lexicon.txt"), StandardCharsets.UTF_8))) {
            reader.lines().map(line -> line.split("\t")).filter(f -> f.length > 1)
                    .forEach(f -> lexicon.put(f[0], Double.parseDouble(f[1])));
        }
        return lexicon;
    }
}
