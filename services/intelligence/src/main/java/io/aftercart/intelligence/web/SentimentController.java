package io.aftercart.intelligence.web;

import io.aftercart.contracts.EventJson;
import io.aftercart.intelligence.sentiment.AspectSentiment;
import io.aftercart.intelligence.sentiment.SentimentAnalyzer;
import io.aftercart.intelligence.sentiment.SentimentKpis;
import io.aftercart.intelligence.sentiment.SentimentLabel;
import io.aftercart.intelligence.sentiment.SentimentProperties;
import io.aftercart.intelligence.sentiment.SentimentStore;
import io.aftercart.intelligence.sentiment.SentimentStore.Granularity;
import io.aftercart.intelligence.sentiment.SentimentStore.Grouping;
import io.aftercart.intelligence.sentiment.TextSentiment;
import io.aftercart.platform.web.BadInputException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sentiment on demand ({@code POST /api/v1/sentiment}) and sentiment KPIs from the scored events
 * ({@code GET /api/v1/kpis/sentiment}). Input is read as text and checked here, so every bad value is a 400 problem
 * naming what was wrong.
 */
@RestController
public class SentimentController {

    /** The scores of one text. */
    public record ScoredText(double compound, SentimentLabel label, double pos, double neu, double neg,
            List<AspectSentiment> aspects) {
    }

    public record ScoredTexts(List<ScoredText> results) {
    }

    private final SentimentAnalyzer analyzer;
    private final SentimentStore store;
    private final SentimentProperties properties;

    public SentimentController(SentimentAnalyzer analyzer, SentimentStore store, SentimentProperties properties) {
        this.analyzer = analyzer;
        this.store = store;
        this.properties = properties;
    }

    /** Scores {@code {"text": "..."}} or {@code {"texts": ["...", ...]}}; results in the order of the texts. */
    @PostMapping("/api/v1/sentiment")
    public ScoredTexts score(@RequestBody(required = false) String body) {
        List<ScoredText> results = new ArrayList<>();
        for (String text : texts(body)) {
            TextSentiment sentiment = analyzer.analyze(text);
            var score = sentiment.score();
            results.add(new ScoredText(score.compound(), score.label(), score.pos(), score.neu(), score.neg(),
                    sentiment.aspects()));
        }
        return new ScoredTexts(results);
    }

    /** Mean compound and counts by label, grouped by product, aspect or period, over event times in [from, to). */
    @GetMapping("/api/v1/kpis/sentiment")
    public SentimentKpis kpis(@RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String granularity) {
        Grouping grouping = choice("by", by, Grouping.class, null);
        Granularity period = choice("granularity", granularity, Granularity.class, Granularity.DAY);
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw badParameter("to", "to must be after from");
        }
        return store.kpis(grouping, since, until, period);
    }

    private List<String> texts(String body) {
        if (body == null || body.isBlank()) {
            throw badBody("", "the body must be a JSON object with \"text\" or \"texts\"");
        }
        JsonNode json;
        try {
            json = EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            throw badBody("", "the body is not valid JSON");
        }
        if (json == null || !json.isObject() || json.has("text") == json.has("texts")) {
            throw badBody("", "the body must be a JSON object with either \"text\" or \"texts\"");
        }
        if (json.has("text")) {
            return List.of(text(json.get("text"), "/text"));
        }
        JsonNode array = json.get("texts");
        if (!array.isArray() || array.isEmpty() || array.size() > properties.maxTexts()) {
            throw badBody("/texts", "texts must be an array of 1 to " + properties.maxTexts() + " strings");
        }
        List<String> texts = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            texts.add(text(array.get(i), "/texts/" + i));
        }
        return texts;
    }

    private String text(JsonNode node, String pointer) {
        if (!node.isString()) {
            throw badBody(pointer, "must be a string");
        }
        String text = node.asString();
        if (text.length() > properties.maxTextLength()) {
            throw badBody(pointer, "must be at most " + properties.maxTextLength() + " characters");
        }
        return text;
    }

    private static <E extends Enum<E>> E choice(String name, String value, Class<E> type, E fallback) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        if (value == null || value.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
        } else if (allowed.contains(value.strip().toLowerCase(Locale.ROOT))) {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        }
        throw badParameter(name, name + " must be one of " + String.join(", ", allowed));
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw badParameter(name, name + " must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
        }
    }

    private static BadInputException badParameter(String parameter, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid query parameter", detail, parameter);
    }

    private static BadInputException badBody(String pointer, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid sentiment request", detail, pointer);
    }
}
