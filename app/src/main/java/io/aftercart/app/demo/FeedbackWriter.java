package io.aftercart.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes review and NPS texts from phrase fragments, so the sentiment model meets real patterns: aspects (delivery,
 * quality, fit, value, packaging, service), negations, contrasts with "but" and emphasis — and words that agree with
 * the rating and with what actually happened to the order.
 */
final class FeedbackWriter {

    private enum Aspect {
        DELIVERY(List.of("delivery was {very}quick", "it arrived a day earlier than expected",
                        "the courier was {very}friendly", "the tracking updates were spot on", "it arrived next day"),
                List.of("delivery took forever", "it arrived a week late", "the parcel was left out in the rain",
                        "tracking said delivered but nothing turned up for days", "the courier never even knocked"),
                List.of("delivery wasn't as quick as promised", "the tracking was no help at all")),
        QUALITY(List.of("the quality is {very}good", "it's {very}well made", "it feels {very}sturdy",
                        "the finish is lovely", "the quality is better than I expected"),
                List.of("the quality is {very}poor", "it feels cheap", "it stopped working after a week",
                        "it was faulty straight out of the box", "it fell apart within days"),
                List.of("the quality isn't great", "it's not as well made as the photos suggest",
                        "I'm not impressed with how it's made")),
        FIT(List.of("the fit is {very}good", "it's true to size", "it fits like a glove", "the length is just right"),
                List.of("it comes up {very}small", "it's way too big", "the sizing is all over the place",
                        "it's tight across the shoulders"),
                List.of("it doesn't fit as described", "it's not true to size at all")),
        VALUE(List.of("it's {very}good value for money", "it's worth every penny", "the price is great",
                        "it's cheaper than the high street"),
                List.of("it's {very}overpriced", "it's far too expensive for what it is"),
                List.of("it's not worth the money", "the price isn't justified")),
        PACKAGING(List.of("it was {very}nicely packaged", "the packaging was plastic free",
                        "it came beautifully wrapped"),
                List.of("it arrived damaged", "the box was crushed", "it was smashed in the box",
                        "the packaging was torn open"),
                List.of("the packaging wasn't up to much", "it wasn't packed properly")),
        SERVICE(List.of("customer service were {very}helpful", "the support team sorted everything quickly",
                        "the returns process was {very}easy"),
                List.of("customer service were useless", "nobody answered my emails",
                        "I was passed around on the phone for an hour", "the refund took ages"),
                List.of("customer service weren't helpful", "I never got a proper answer"));

        final List<String> good;
        final List<String> bad;
        final List<String> notGood;

        Aspect(List<String> good, List<String> bad, List<String> notGood) {
            this.good = good;
            this.bad = bad;
            this.notGood = notGood;
        }
    }

    private static final List<String> MILD = List.of("", "", "", "really ", "very ");
    private static final List<String> STRONG = List.of("really ", "absolutely ", "SO ", "incredibly ");

    String review(SplittableRandom rng, Product product, int rating, Experience experience) {
        List<Aspect> problems = problems(experience);
        List<Aspect> others = others(product, problems);
        boolean strong = rating == 5 || rating == 1;
        StringBuilder text = new StringBuilder();
        if (Randoms.chance(rng, 0.4)) text.append(opener(rng, product));
        if (rating >= 4) {
            Aspect liked = Randoms.pick(rng, others);
            String praise = good(rng, liked, strong);
            List<Aspect> alsoLiked = others.stream().filter(a -> a != liked).toList();
            text.append(problems.isEmpty()
                    ? sentence(Randoms.chance(rng, 0.5)
                            ? praise + " and " + good(rng, Randoms.pick(rng, alsoLiked), strong)
                            : praise, strong && Randoms.chance(rng, 0.5))
                    : sentence(bad(rng, problems.get(0), false) + ", but " + praise, false));
        } else if (rating == 3) {
            Aspect downside = problems.isEmpty() ? Randoms.pick(rng, others) : problems.get(0);
            text.append(sentence(good(rng, Randoms.pick(rng, others), false) + ", but "
                    + (Randoms.chance(rng, 0.5) ? notGood(rng, downside) : bad(rng, downside, false)), false));
        } else {
            Aspect first = problems.isEmpty() ? Randoms.pick(rng, others) : problems.get(0);
            text.append(sentence(bad(rng, first, strong), strong && Randoms.chance(rng, 0.6)));
            if (Randoms.chance(rng, 0.6)) {
                // People often concede one good point; the clause after "but" carries the weight.
                text.append(' ').append(sentence(problems.size() > 1 ? notGood(rng, problems.get(1))
                        : good(rng, Randoms.pick(rng, others), false) + ", but that doesn't make up for it", false));
            }
        }
        if (Randoms.chance(rng, 0.5)) text.append(' ').append(closer(rng, rating));
        return text.toString();
    }

    String npsComment(SplittableRandom rng, int score, Experience experience) {
        List<Aspect> problems = problems(experience);
        // A score is about the shop, so praise what the shop does rather than one product.
        List<Aspect> others = new ArrayList<>(List.of(Aspect.DELIVERY, Aspect.VALUE, Aspect.PACKAGING, Aspect.SERVICE));
        others.removeAll(problems);
        if (score >= 9) {
            return sentence("Love this shop, " + good(rng, Randoms.pick(rng, others), score == 10), score == 10);
        }
        Aspect downside = problems.isEmpty() ? Randoms.pick(rng, others) : problems.get(0);
        if (score >= 7) {
            return sentence(good(rng, Randoms.pick(rng, others), false) + ", but " + notGood(rng, downside), false);
        }
        return sentence(bad(rng, downside, score <= 2), score <= 2)
                + (Randoms.chance(rng, 0.5) ? " Not sure I'll order again." : "");
    }

    private static List<Aspect> problems(Experience e) {
        List<Aspect> problems = new ArrayList<>();
        if (e.defective()) problems.add(Aspect.QUALITY);
        if (e.damaged()) problems.add(Aspect.PACKAGING);
        if (e.wrongSize()) problems.add(Aspect.FIT);
        if (e.late()) problems.add(Aspect.DELIVERY);
        if (e.poorSupport()) problems.add(Aspect.SERVICE);
        return problems;
    }

    private static List<Aspect> others(Product product, List<Aspect> problems) {
        List<Aspect> others = new ArrayList<>(List.of(Aspect.DELIVERY, Aspect.QUALITY, Aspect.VALUE, Aspect.PACKAGING));
        if (product.category().isApparel()) others.add(Aspect.FIT);
        others.removeAll(problems);
        return others;
    }

    private static String good(SplittableRandom rng, Aspect aspect, boolean strong) {
        return intensify(rng, Randoms.pick(rng, aspect.good), strong);
    }

    private static String bad(SplittableRandom rng, Aspect aspect, boolean strong) {
        return intensify(rng, Randoms.pick(rng, aspect.bad), strong);
    }

    private static String notGood(SplittableRandom rng, Aspect aspect) {
        return Randoms.pick(rng, aspect.notGood);
    }

    private static String intensify(SplittableRandom rng, String phrase, boolean strong) {
        return phrase.replace("{very}", Randoms.pick(rng, strong ? STRONG : MILD));
    }

    private static String opener(SplittableRandom rng, Product product) {
        String item = product.name().toLowerCase();
        return switch (rng.nextInt(4)) {
            case 0 -> "Bought the " + item + " as a gift. ";
            case 1 -> "Second time ordering the " + item + ". ";
            case 2 -> "Had my eye on this " + item + " for a while. ";
            default -> "Ordered the " + item + " after reading the reviews. ";
        };
    }

    private static String closer(SplittableRandom rng, int rating) {
        List<String> closers = rating >= 4 ? List.of("Would definitely buy again!", "Highly recommend.", "Five stars.",
                "Already ordered another one.")
                : rating == 3 ? List.of("It's okay for the price.", "Might order again.", "Not bad overall.")
                : List.of("Won't be ordering again.", "Very disappointed.", "Avoid!", "Sending it back.");
        return Randoms.pick(rng, closers);
    }

    private static String sentence(String clause, boolean exclaim) {
        return Character.toUpperCase(clause.charAt(0)) + clause.substring(1) + (exclaim ? "!!" : ".");
    }
}
