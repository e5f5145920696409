package io.aftercart.contracts;

/**
 * One way a JSON value breaks its schema.
 *
 * @param path    JSON path of the offending value relative to the validated object, starting at {@code $}
 *                (e.g. {@code $.products[0].price}); a missing required property is named by its own path
 *                ({@code $.order_id})
 * @param message what is wrong, without the path
 */
public record SchemaViolation(String path, String message) {

    /**
     * Re-roots the path under {@code prefix}: {@code $.x} becomes {@code prefix + ".x"}, {@code $} becomes
     * {@code prefix}.
     */
    public SchemaViolation rebased(String prefix) {
        if (!path.startsWith("$")) {
            throw new IllegalStateException("not a root-relative path: " + path);
        }
        return new SchemaViolation(prefix + path.substring(1), message);
    }

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
