-- Accounts an admin can take back, logins throttled without locking a reader out of the browsers the reader signed
-- in from, and feed secrets kept as hashes like every other secret.

-- a disabled account opens no session, and its sessions, API tokens and feed addresses stop working
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;

-- the browsers a reader signed in from (a long-lived cookie; only its SHA-256 is stored): failed logins from one of
-- them count against it, not against the account, so strangers guessing a password cannot lock the reader out
CREATE TABLE login_devices (
    token_hash    VARCHAR(64) PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    failed_logins INT DEFAULT 0 NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX login_devices_by_user ON login_devices (user_id);

-- feed addresses carry secrets of their own kind: read-only, one per app, named, revocable, stored hashed
ALTER TABLE api_tokens ADD COLUMN scope VARCHAR(10) DEFAULT 'api' NOT NULL;
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_name_unique;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_name_unique UNIQUE (user_id, scope, name);
