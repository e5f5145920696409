package io.aftercart.app.demo;

import java.util.List;

/** Why customers contact support after buying, with the words they use and how agents close the ticket. */
enum SupportTopic {
    WHERE_IS_MY_ORDER("delivery",
            List.of("Where is my order?", "Parcel not arrived", "Tracking hasn't updated"),
            List.of("My order %s was due yesterday and the tracking hasn't moved in days.",
                    "Still waiting for order %s. Can you tell me where it is?",
                    "Order %s says out for delivery since Monday. Nothing has turned up."),
            List.of("Courier located the parcel; delivered the next day.",
                    "Parcel was delayed at the depot; customer updated.",
                    "Offered a shipping refund for the delay.")),
    DAMAGED_ITEM("damaged_item",
            List.of("Item arrived damaged", "Broken on arrival", "Damaged parcel"),
            List.of("Order %s arrived today and the item inside is broken. Photos attached.",
                    "The box for %s was crushed and the contents are damaged. What can you do?"),
            List.of("Replacement sent free of charge.", "Full refund issued, no need to return the item.",
                    "Return label sent; refund on receipt.")),
    REFUND_REQUEST("refund",
            List.of("Refund not received", "Where is my refund?", "Refund request"),
            List.of("I sent back part of order %s two weeks ago and still have no refund.",
                    "Please confirm when the refund for %s will be processed."),
            List.of("Refund processed; allow 3-5 working days.", "Return was received; refund issued today.")),
    PRODUCT_QUESTION("product_question",
            List.of("Question about my order", "How do I use this?", "Care instructions"),
            List.of("Just received %s. How should I wash/clean it?", "Quick question about an item in order %s."),
            List.of("Sent care instructions and user guide.", "Answered product question."));

    final String category;
    final List<String> subjects;
    /** Bodies with one %s for the order id. */
    final List<String> bodies;
    final List<String> resolutions;

    SupportTopic(String category, List<String> subjects, List<String> bodies, List<String> resolutions) {
        this.category = category;
        this.subjects = subjects;
        this.bodies = bodies;
        this.resolutions = resolutions;
    }
}
