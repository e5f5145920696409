package io.aftercart.gateway.internal;

import io.aftercart.gateway.Role;
import io.aftercart.platform.store.ServiceStore;
import io.aftercart.platform.web.BadInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The users table: names, roles and adaptive password hashes. */
public class UserAccounts {

    /** A user as stored; {@code passwordHash} is never sent to a client. */
    public record User(String username, String passwordHash, Role role, boolean enabled, Instant createdAt) {
    }

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String SELECT_USERS = "SELECT username, password_hash, role, enabled, created_at FROM users";

    private final ServiceStore store;
    private final PasswordEncoder passwords;
    private final Clock clock;

    public UserAccounts(ServiceStore store, PasswordEncoder passwords, Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Optional<User> find(String username) {
        return store.jdbc().sql(SELECT_USERS + " WHERE username = ?").param(username).query(UserAccounts::user)
                .optional();
    }

    public List<User> list() {
        return store.jdbc().sql(SELECT_USERS + " ORDER BY username").query(UserAccounts::user).list();
    }

    private static User user(ResultSet row, int rowNumber) throws SQLException {
        return new User(row.getString("username"), row.getString("password_hash"), Role.valueOf(row.getString("role")),
                row.getBoolean("enabled"), Times.read(row, "created_at"));
    }

    public void create(String username, String password, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw invalid("username", "username must be 1 to 64 letters, digits or . _ @ -");
        }
        checkPassword(password);
        if (find(username).isPresent()) {
            throw new BadInputException(HttpStatus.CONFLICT, "User exists", "A user with this name exists", "username");
        }
        store.jdbc().sql("INSERT INTO users (username, password_hash, role, enabled, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(username, passwords.encode(password), role.name(), true, Times.utc(clock.instant()))
                .update();
    }

    public void changePassword(String username, String password) {
        checkPassword(password);
        store.jdbc().sql("UPDATE users SET password_hash = ? WHERE username = ?")
                .params(passwords.encode(password), username).update();
    }

    public void changeRole(String username, Role role) {
        store.jdbc().sql("UPDATE users SET role = ? WHERE username = ?").params(role.name(), username).update();
    }

    public void enable(String username, boolean enabled) {
        store.jdbc().sql("UPDATE users SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    public boolean delete(String username) {
        return store.jdbc().sql("DELETE FROM users WHERE username = ?").param(username).update() > 0;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw invalid("password", "password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    private static BadInputException invalid(String field, String detail) {
        return new BadInputException(HttpStatus.BAD_REQUEST, "Invalid user", detail, field);
    }
}
