package io.aftercart.profiles.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aftercart.contracts.EventJson;
import io.aftercart.profiles.CustomerProfile;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published form of a profile: the event JSON conventions, but with null fields written, so a field that is not
 * filled yet is visibly there. The stored form leaves them out: they are half of a young profile's JSON, and every
 * change writes the row again, so they would fill the write-ahead log and bring checkpoints sooner. Both read back
 * into the same profile.
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

    static String writeStored(CustomerProfile profile) {
        return EventJson.mapper().writeValueAsString(profile);
    }

    public static CustomerProfile read(String json) {
        return MAPPER.readValue(json, CustomerProfile.class);
    }
}
