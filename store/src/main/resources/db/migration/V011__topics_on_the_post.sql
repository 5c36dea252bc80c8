-- A post's topic ids, best first and comma-separated, also on the post's own row: the river lists them for
-- fifty posts a page, and reading them there costs no lookup per post. post_topics stays the truth (with
-- scores, for filters and the index); both are written in the post's transaction.
ALTER TABLE posts ADD COLUMN topic_ids VARCHAR(200) DEFAULT '' NOT NULL;
UPDATE posts SET topic_ids = COALESCE(
    (SELECT STRING_AGG(t.topic, ',' ORDER BY t.score DESC, t.topic) FROM post_topics t WHERE t.post_id = posts.id), '');
