package io.aftercart.profiles.web;

import io.aftercart.profiles.CustomerProfiles;
import io.aftercart.profiles.RebuildStarted;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Operations on the profiles state as a whole. */
@RestController
@RequestMapping("/api/v1/admin/profiles")
public class ProfilesAdminController {

    private final CustomerProfiles profiles;

    public ProfilesAdminController(CustomerProfiles profiles) {
        this.profiles = profiles;
    }

    /**
     * Rebuilds every profile from the Kafka log: clears the state and rewinds the consumer; answers at once (202),
     * the profiles fill again as the log is re-read.
     */
    @PostMapping("/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public RebuildStarted rebuild() {
        return profiles.rebuild();
    }
}
