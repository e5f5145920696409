package io.aftercart.app.demo;

import java.util.List;

/** The schema's reason codes, with the sort of thing customers type in the free-text box. */
enum ReturnReason {
    DAMAGED("damaged", List.of("Arrived broken", "There's a crack down one side",
            "Box was crushed and the item is dented")),
    DEFECTIVE("defective", List.of("Stopped working after two days", "Doesn't switch on", "Faulty zip",
            "One of the buttons doesn't work")),
    WRONG_SIZE("wrong_size", List.of("Too small, need a size up", "Too big on me", "Sleeves are too short",
            "Comes up much smaller than the size guide says")),
    WRONG_ITEM("wrong_item", List.of("I received a different item", "Wrong colour sent")),
    NOT_AS_DESCRIBED("not_as_described", List.of("Colour is different from the photos",
            "Material feels nothing like described", "Much smaller than it looks online")),
    CHANGED_MIND("changed_mind", List.of("No longer needed", "Changed my mind", "Bought a similar one elsewhere",
            "Doesn't go with my other things")),
    LATE_DELIVERY("late_delivery", List.of("Arrived too late for the occasion",
            "Needed it for a birthday, came after")),
    OTHER("other", List.of("Ordered two sizes to compare", "Gift wasn't right"));

    final String code;
    final List<String> texts;

    ReturnReason(String code, List<String> texts) {
        this.code = code;
        this.texts = texts;
    }
}
