package io.aftercart.analytics.internal;

/**
 * A column of a rollup table and how a new value for an existing key combines with the stored one.
 *
 * @param name  the SQL column name
 * @param type  how the value is bound
 * @param merge how two values for the same key combine
 */
public record RollupColumn(String name, Type type, Merge merge) {

    public enum Type { INTEGER, BIGINT, DECIMAL, TEXT }

    public enum Merge {
        /** Part of the primary key. */
        KEY,
        /** A function of the key (e.g. the week of a day): written once, never updated. */
        DERIVED,
        SUM,
        /** The smaller of the two, ignoring nulls. */
        MIN,
        /** The larger of the two, ignoring nulls. */
        MAX
    }

    static RollupColumn key(String name, Type type) {
        return new RollupColumn(name, type, Merge.KEY);
    }

    static RollupColumn derived(String name) {
        return new RollupColumn(name, Type.INTEGER, Merge.DERIVED);
    }

    static RollupColumn count(String name) {
        return new RollupColumn(name, Type.BIGINT, Merge.SUM);
    }

    static RollupColumn amount(String name) {
        return new RollupColumn(name, Type.DECIMAL, Merge.SUM);
    }

    /** The SQL of {@code ON CONFLICT ... DO UPDATE SET} for this column; null for columns that are not updated. */
    String updateSql(String table) {
        String stored = table + "." + name;
        String incoming = "EXCLUDED." + name;
        return switch (merge) {
            case KEY, DERIVED -> null;
            case SUM -> name + " = " + stored + " + " + incoming;
            // LEAST/GREATEST ignore nulls on both stores
            case MIN -> name + " = LEAST(" + stored + ", " + incoming + ")";
            case MAX -> name + " = GREATEST(" + stored + ", " + incoming + ")";
        };
    }
}
