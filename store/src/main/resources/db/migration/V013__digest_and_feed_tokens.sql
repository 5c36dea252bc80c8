-- A reader's daily digest: made at an hour of the reader's time zone, ranked by the topics the reader follows
-- (and reads), and sent by e-mail when the reader asked for it.
ALTER TABLE users ADD COLUMN time_zone VARCHAR(64) DEFAULT 'UTC' NOT NULL;
ALTER TABLE users ADD COLUMN digest_hour INT DEFAULT 7 NOT NULL;
ALTER TABLE users ADD COLUMN digest_topics VARCHAR(200) DEFAULT '' NOT NULL;
ALTER TABLE users ADD COLUMN email VARCHAR(254);
ALTER TABLE users ADD COLUMN digest_by_email BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_digest_hour CHECK (digest_hour BETWEEN 0 AND 23);

-- the secret in a reader's re-exported feed addresses, for feed readers that send no cookie (private reader)
ALTER TABLE users ADD COLUMN feed_token VARCHAR(64);
CREATE UNIQUE INDEX users_feed_token ON users (feed_token);

-- each reader's digest of a day is sent once
CREATE TABLE digest_deliveries (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    digest_day DATE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, digest_day)
);
