package io.aftercart.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a product is returned; serialised in lower snake case as in the schema's reason_code enum. */
public enum ReturnReasonCode {
    DAMAGED, DEFECTIVE, WRONG_SIZE, WRONG_ITEM, NOT_AS_DESCRIBED, CHANGED_MIND, LATE_DELIVERY, OTHER;

    /** Jackson uses this for writing and reading. */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
