package io.aftercart.gateway.web;

import io.aftercart.gateway.Role;
import io.aftercart.gateway.internal.ApiTokens;
import io.aftercart.gateway.internal.DefaultAdmin;
import io.aftercart.gateway.internal.LoginFailures;
import io.aftercart.gateway.internal.UserAccounts;
import io.aftercart.platform.web.BadInputException;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and their roles (admins only, by {@link io.aftercart.gateway.AccessRules}). */
@RestController
@RequestMapping("/api/v1/admin/users")
public class UsersController {

    public record UserView(String username, Role role, boolean enabled, Instant createdAt, Instant lockedUntil) {
    }

    public record NewUser(String username, String password, String role) {
    }

    /** Any field left out stays as it is. */
    public record UserChange(String role, String password, Boolean enabled) {
    }

    private final UserAccounts accounts;
    private final LoginFailures failures;
    private final ApiTokens tokens;

    public UsersController(UserAccounts accounts, LoginFailures failures, ApiTokens tokens) {
        this.accounts = accounts;
        this.failures = failures;
        this.tokens = tokens;
    }

    @GetMapping
    public List<UserView> list() {
        return accounts.list().stream().map(this::view).toList();
    }

    @PostMapping
    public ResponseEntity<UserView> create(@RequestBody NewUser user) {
        accounts.create(user.username(), user.password(), role(user.role()));
        return ResponseEntity.status(HttpStatus.CREATED).body(view(existing(user.username())));
    }

    @PatchMapping("/{username}")
    public UserView change(@PathVariable String username, @RequestBody UserChange change, Authentication caller) {
        existing(username);
        boolean self = caller.getName().equals(username);
        if (change.role() != null) {
            Role role = role(change.role());
            if (self && role != Role.ADMIN) {
                throw new BadInputException(HttpStatus.CONFLICT, "Own role", "An admin cannot demote himself", "role");
            }
            accounts.changeRole(username, role);
        }
        if (change.password() != null) {
            accounts.changePassword(username, change.password());
            failures.reset(username);
        }
        if (change.enabled() != null) {
            if (self && !change.enabled()) {
                throw new BadInputException(HttpStatus.CONFLICT, "Own account", "An admin cannot disable himself",
                        "enabled");
            }
            accounts.enable(username, change.enabled());
        }
        return view(existing(username));
    }

    @DeleteMapping("/{username}")
    public ResponseEntity<Void> delete(@PathVariable String username, Authentication caller) {
        if (caller.getName().equals(username) || DefaultAdmin.USERNAME.equals(username)) {
            throw new BadInputException(HttpStatus.CONFLICT, "Protected account",
                    "Neither your own account nor the built-in admin can be deleted", "username");
        }
        existing(username);
        tokens.revokeAllOf(username);
        accounts.delete(username);
        failures.reset(username);
        return ResponseEntity.noContent().build();
    }

    private UserAccounts.User existing(String username) {
        return accounts.find(username).orElseThrow(() -> new BadInputException(HttpStatus.NOT_FOUND,
                "Unknown user", "There is no user with this name", "username"));
    }

    private UserView view(UserAccounts.User user) {
        return new UserView(user.username(), user.role(), user.enabled(), user.createdAt(),
                failures.lockedUntil(user.username()).orElse(null));
    }

    private static Role role(String text) {
        return Role.parse(text).orElseThrow(() -> new BadInputException(HttpStatus.BAD_REQUEST, "Invalid user",
                "role must be one of viewer, analyst, marketer, privacy_officer, admin", "role"));
    }
}
