-- The story a post tells: posts of one story (the same news told by several feeds, found by the search index's
-- likeness of title and lede within a few days) share the id of its first post. NULL: not linked yet.
ALTER TABLE posts ADD COLUMN story_id BIGINT;
CREATE INDEX posts_story ON posts (story_id, id);
