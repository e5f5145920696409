-- messageIds the collector has accepted, for de-duplication across restarts (kept for the dedupe window)
CREATE TABLE seen_messages (
    message_id VARCHAR(200) PRIMARY KEY,
    seen_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX seen_messages_seen_at ON seen_messages (seen_at);
