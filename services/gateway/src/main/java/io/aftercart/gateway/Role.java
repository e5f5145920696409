package io.aftercart.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a user may see and do. Each role includes the ones below it: a viewer sees aggregates only; an analyst also
 * customer-level data (profiles, timelines, contact data, predictions); a marketer and a privacy officer are analysts
 * with their own tasks (segments and campaigns; erasure and export); an admin may do everything, including users,
 * write keys, settings and rebuilds.
 */
public enum Role {
    VIEWER, ANALYST, MARKETER, PRIVACY_OFFICER, ADMIN;

    /** The Spring Security authority, e.g. {@code ROLE_ANALYST}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Reads {@code analyst}, {@code ANALYST}, {@code privacy-officer} or {@code privacy_officer}. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role hierarchy in Spring Security's notation. */
    public static String hierarchy() {
        return """
                ROLE_ADMIN > ROLE_MARKETER
                ROLE_ADMIN > ROLE_PRIVACY_OFFICER
                ROLE_MARKETER > ROLE_ANALYST
                ROLE_PRIVACY_OFFICER > ROLE_ANALYST
                ROLE_ANALYST > ROLE_VIEWER
                """;
    }

    /** Spring Security's reading of {@link #hierarchy()}. */
    public static RoleHierarchy roleHierarchy() {
        return HIERARCHY;
    }

    /** Whether this role includes {@code other}, following {@link #hierarchy()}. */
    public boolean includes(Role other) {
        return HIERARCHY.getReachableGrantedAuthorities(List.of(new SimpleGrantedAuthority(authority())))
                .stream().anyMatch(granted -> granted.getAuthority().equals(other.authority()));
    }

    private static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.fromHierarchy(hierarchy());
}
