package io.aftercart.gateway.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Password sign-in (form and HTTP Basic alike) with lock-out: a locked account is refused before its password is
 * checked, a wrong password counts a failure, a right one clears the count.
 */
public class LockingAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginFailures failures;
    private final UserAccounts accounts;

    public LockingAuthenticationProvider(AuthenticationProvider passwords, LoginFailures failures,
            UserAccounts accounts) {
        this.passwords = passwords;
        this.failures = failures;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (failures.lockedUntil(username).isPresent()) {
            throw new LockedException("The account is locked after repeated failed sign-ins; try again later");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            failures.reset(username);
            return result;
        } catch (BadCredentialsException e) {
            // only real accounts are counted, so guessing names cannot fill the table
            if (accounts.find(username).isPresent()) {
                failures.recordFailure(username);
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
