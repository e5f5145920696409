package io.aftercart.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a support ticket was opened; serialised in lower case as in the schema's channel enum. */
public enum SupportChannel {
    EMAIL, CHAT, PHONE, WEB, SOCIAL;

    /** Jackson uses this for writing and reading. */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
