-- When a post last changed, by the database's clock: the search index follows posts by (changed_at, id).
ALTER TABLE posts ADD COLUMN changed_at TIMESTAMP WITH TIME ZONE;
UPDATE posts SET changed_at = first_seen_at;
ALTER TABLE posts ALTER COLUMN changed_at SET NOT NULL;
CREATE INDEX posts_changes ON posts (changed_at, id);
