package io.aftercart.gateway.web;

import io.aftercart.gateway.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Whether a signed-in caller's role includes a given role, following the role hierarchy. */
final class Roles {

    private Roles() {
    }

    static boolean has(Authentication caller, Role wanted) {
        return caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(authority -> authority.startsWith("ROLE_") ? authority.substring(5) : authority)
                .map(Role::parse).flatMap(java.util.Optional::stream)
                .anyMatch(role -> role.includes(wanted));
    }
}
