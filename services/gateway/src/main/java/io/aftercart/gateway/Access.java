package io.aftercart.gateway;

/** Who may call a route: anybody, a source with its write key (checked by the collector), or a signed-in role. */
public record Access(Kind kind, Role role) {

    public enum Kind { PUBLIC, WRITE_KEY, SIGNED_IN, ROLE }

    public static final Access PUBLIC = new Access(Kind.PUBLIC, null);
    public static final Access WRITE_KEY = new Access(Kind.WRITE_KEY, null);
    public static final Access SIGNED_IN = new Access(Kind.SIGNED_IN, null);

    public static Access role(Role role) {
        return new Access(Kind.ROLE, role);
    }

    /** Whether a signed-in user with {@code userRole} passes (write-key routes need no user, so everyone passes). */
    public boolean admits(Role userRole) {
        return kind != Kind.ROLE || userRole.includes(role);
    }

    @Override
    public String toString() {
        return kind == Kind.ROLE ? role.name() : kind.name();
    }
}
