-- Reader sessions, in the database so that any web node can serve any reader. The cookie holds a random
-- token; only its SHA-256 is stored, so a copy of the database opens no session. Each session has its own
-- token against cross-site request forgery.
CREATE TABLE sessions (
    token_hash   VARCHAR(64) PRIMARY KEY,
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);
