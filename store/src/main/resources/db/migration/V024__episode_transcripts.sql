-- An episode's transcript as Sift read it from the file its feed links (Podcasting 2.0 podcast:transcript): which
-- file, and what was wrong with it or left out; its cues in episode_cues, in the order they were said, each with
-- its start in milliseconds (none where the format gives no time) and its speaker when named. They go with the
-- post's other facts, and an archived post keeps none.
ALTER TABLE post_episodes ADD COLUMN transcript_read_url VARCHAR(2048);
ALTER TABLE post_episodes ADD COLUMN transcript_problem VARCHAR(1000);
CREATE TABLE episode_cues (
    post_id      BIGINT NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    position     INT NOT NULL,
    start_millis INT,
    speaker      VARCHAR(200),
    words        VARCHAR(2001) NOT NULL,
    PRIMARY KEY (post_id, position),
    CONSTRAINT episode_cues_start_positive CHECK (start_millis >= 0)
);
