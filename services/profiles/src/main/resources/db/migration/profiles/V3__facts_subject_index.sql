-- A customer's facts are looked up by subject id, many customers at a time (subject_id IN (...)). DuckDB answers
-- that from a single-column index only: with the two-column (subject_id, event_time) index it scanned every fact.
DROP INDEX facts_subject;
CREATE INDEX facts_subject ON facts (subject_id);
