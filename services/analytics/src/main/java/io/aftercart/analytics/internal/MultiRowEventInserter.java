package io.aftercart.analytics.internal;

import io.aftercart.contracts.CanonicalEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Multi-row {@code INSERT ... VALUES} statements of up to 1,000 rows, each a single round trip (PostgreSQL). */
final class MultiRowEventInserter implements EventInserter {

    // 10 parameters a row: 10k per statement, well below PostgreSQL's limit of 65,535.
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final String FULL_CHUNK_INSERT = EventRows.insertIgnoringKnownIds(ROWS_PER_STATEMENT);

    private final JdbcTemplate jdbc;

    MultiRowEventInserter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Set<String> insertNew(List<CanonicalEvent> events) {
        Set<String> inserted = new HashSet<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<CanonicalEvent> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            String sql = chunk.size() == ROWS_PER_STATEMENT
                    ? FULL_CHUNK_INSERT
                    : EventRows.insertIgnoringKnownIds(chunk.size());
            inserted.addAll(jdbc.query(sql, statement -> EventRows.bind(statement, chunk), (row, n) -> row.getString(1)));
        }
        return inserted;
    }
}
