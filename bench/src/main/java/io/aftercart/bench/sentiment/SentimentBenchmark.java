package io.aftercart.bench.sentiment;

import static io.aftercart.bench.ResultTable.decimal;
import static io.aftercart.bench.ResultTable.number;

import io.aftercart.bench.Options;
import io.aftercart.bench.ProcessStats;
import io.aftercart.bench.ResultTable;
import io.aftercart.intelligence.sentiment.SentimentAnalyzer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Review sentences scored per second on one thread, with the lexicon loaded once: the full scorer, the scorer with
 * aspects, and a same-run baseline that only sums the lexicon valences of the lower-cased words. Sentences are the
 * 10,605 movie-review snippets of the ICWSM-2014 corpus ({@code vader/hutto_ICWSM_2014} of the reference data).
 * Target: at least 50,000 sentences/s for the scorer. Run from the repository root (about 20 s):
 * <pre>./mvnw -q -B -pl bench compile exec:java -Dexec.mainClass=io.aftercart.bench.sentiment.SentimentBenchmark
 *     [-Dexec.args="--seconds=3 --data=../shared/data"]</pre>
 */
public final class SentimentBenchmark {

    private static final double TARGET_SENTENCES_PER_SECOND = 50_000;
    private static final String CORPUS = "vader/hutto_ICWSM_2014/movieReviewSnippets_GroundTruth.txt";

    private SentimentBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args, Map.of("seconds", "3", "data", ""));
        double seconds = options.decimal("seconds");
        List<String> sentences = sentences(options.dataDir().resolve(CORPUS));
        System.out.printf(Locale.ROOT, "Sentiment benchmark: %,d sentences, %.0f s per measurement, one thread, "
                + "load average %s%n", sentences.size(), seconds, ProcessStats.loadAverage());
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
        // the first round warms up the JIT and is not reported
        rate(sentences, naive, seconds);
        rate(sentences, scorer, seconds);
        rate(sentences, withAspects, seconds);
        double baseline = rate(sentences, naive, seconds);
        double scored = rate(sentences, scorer, seconds);
        double aspects = rate(sentences, withAspects, seconds);

        ResultTable table = new ResultTable();
        table.add("baseline (naive lexicon sum): sentences/s", number(baseline));
        table.add("VADER-class scorer: sentences/s", number(scored), "≥ 50,000",
                scored >= TARGET_SENTENCES_PER_SECOND);
        table.add("ratio scorer / baseline", decimal(scored / baseline));
        table.add("scorer + aspects: sentences/s", number(aspects));
        table.add("ratio scorer + aspects / baseline", decimal(aspects / baseline));
        System.out.println(table.render());
    }

    private static double rate(List<String> sentences, ToDoubleFunction<String> score, double seconds) {
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        double sink = 0;
        while (System.nanoTime() < deadline) {
            for (String sentence : sentences) {
                sink += score.applyAsDouble(sentence);
            }
            count += sentences.size();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (Double.isNaN(sink)) { // uses the scores, so the JIT cannot drop the work
            System.out.println("unexpected NaN score");
        }
        return count / elapsed;
    }

    /** {@code id <TAB> mean rating <TAB> text} lines; only the text is used. */
    private static List<String> sentences(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> line.split("\t", 3))
                .filter(fields -> fields.length == 3).map(fields -> fields[2].strip()).toList();
    }

    /** The lexicon the scorer ships with (on the classpath), as word → mean valence. */
    private static Map<String, Double> lexicon() throws IOException {
        Map<String, Double> lexicon = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(SentimentBenchmark.class
                .getClassLoader().getResourceAsStream("sentiment/vader_lexicon.txt"), StandardCharsets.UTF_8))) {
            reader.lines().map(line -> line.split("\t")).filter(fields -> fields.length > 1)
                    .forEach(fields -> lexicon.put(fields[0], Double.parseDouble(fields[1])));
        }
        return lexicon;
    }
}
