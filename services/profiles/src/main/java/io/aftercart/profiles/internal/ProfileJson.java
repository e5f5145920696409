package io.aftercart.profiles.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aftercart.contracts.EventJson;
import io.aftercart.profiles.CustomerProfile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored and published form of a profile: the event JSON conventions, but with null fields written, so a
 * field that is not filled yet is visibly there.
 */
public final class ProfileJson {

    private static final JsonMapper MAPPER = EventJson.mapper().rebuild()
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS))
            .build();

    private ProfileJson() {
    }

    public static String write(CustomerProfile profile) {
        return MAPPER.writeValueAsString(profile);
    }

    public static CustomerProfile read(String json) {
        return MAPPER.readValue(json, CustomerProfile.class);
    }
}
