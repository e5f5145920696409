-- Dashboard and API users; passwords as adaptive hashes ({bcrypt}...), never in clear.
CREATE TABLE users (
    username      VARCHAR PRIMARY KEY,
    password_hash VARCHAR NOT NULL,
    role          VARCHAR NOT NULL,
    enabled       BOOLEAN NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Consecutive failed sign-ins per user, and until when the account is locked.
CREATE TABLE login_failures (
    username     VARCHAR PRIMARY KEY,
    failures     INTEGER NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE
);

-- API tokens: only the SHA-256 hash of each token is kept (tokens are long random strings).
CREATE TABLE api_tokens (
    id         VARCHAR PRIMARY KEY,
    token_hash VARCHAR NOT NULL UNIQUE,
    username   VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

-- Write keys of event sources, managed through the admin API; only the SHA-256 hash of each key is kept.
CREATE TABLE write_keys (
    id         VARCHAR PRIMARY KEY,
    key_hash   VARCHAR NOT NULL UNIQUE,
    source     VARCHAR NOT NULL,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
