package io.aftercart.gateway.internal;

import io.aftercart.gateway.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in {@code admin} account. A configured password is applied at every start (configuration is the source
 * of truth); without one, the first start generates a password and prints it once.
 */
public final class DefaultAdmin {

    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(DefaultAdmin.class);

    private DefaultAdmin() {
    }

    public static void ensure(UserAccounts accounts, String configuredPassword) {
        boolean configured = configuredPassword != null && !configuredPassword.isBlank();
        if (accounts.find(USERNAME).isEmpty()) {
            String password = configured ? configuredPassword : SecretTokens.secret("").substring(0, 20);
            accounts.create(USERNAME, password, Role.ADMIN);
            if (!configured) {
                // shown this once only, like an API token: it is stored as a hash
                log.warn("\n\n  Created the dashboard user 'admin' with the password {}\n"
                        + "  Sign in at /login and change it, or set AFTERCART_GATEWAY_ADMIN_PASSWORD.\n", password);
            }
        } else if (configured) {
            accounts.changePassword(USERNAME, configuredPassword);
            accounts.changeRole(USERNAME, Role.ADMIN);
            accounts.enable(USERNAME, true);
        }
    }
}
