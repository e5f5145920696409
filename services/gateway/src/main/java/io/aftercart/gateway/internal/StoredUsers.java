package io.aftercart.gateway.internal;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Spring Security's view of the users table; a user has the authority of his one role. */
public class StoredUsers implements UserDetailsService {

    private final UserAccounts accounts;

    public StoredUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.find(username)
                .map(user -> User.withUsername(user.username())
                        .password(user.passwordHash())
                        .disabled(!user.enabled())
                        .authorities(List.of(new SimpleGrantedAuthority(user.role().authority())))
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
