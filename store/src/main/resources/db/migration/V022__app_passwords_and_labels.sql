-- App passwords, for the apps that sync through the Google Reader and Fever APIs: api_tokens of the scope
-- 'app'. The Fever API sends the MD5 of "name:password" instead of the password, so that key is kept too, as
-- its SHA-256 like every other secret.
ALTER TABLE api_tokens ADD COLUMN fever_key_hash VARCHAR(64);
CREATE UNIQUE INDEX api_tokens_fever_key ON api_tokens (fever_key_hash);

-- A reader's own labels of posts (Google Reader's user/-/label/...), one row a label and post.
CREATE TABLE user_post_labels (
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    post_id     BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    label       VARCHAR(200) NOT NULL,
    labelled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, label, post_id)
);
CREATE INDEX user_post_labels_by_post ON user_post_labels (post_id);
