-- H2 writes an identity's sequence to disk each time its cache of numbers runs out (32 by default), and with
-- WRITE_DELAY=0 that write also stores every page changed since: a bulk insert stored the same leaf pages
-- again every 32 rows. A cache of 1,000 numbers lets a batch of posts reach the file once. (Numbers cached
-- but unused when the process stops are skipped; ids only need to be unique.)
ALTER TABLE posts ALTER COLUMN id SET CACHE 1000;
ALTER TABLE fetch_log ALTER COLUMN id SET CACHE 1000;

-- The full content of a post lives beside it, one row per post: the river, the search index's change scan
-- and every filter read narrow rows, and only the post page and the indexer read the text. Retention
-- archives a post by deleting this row.
CREATE TABLE post_contents (
    post_id BIGINT PRIMARY KEY REFERENCES posts (id) ON DELETE CASCADE,
    html    VARCHAR(1000000),
    text    VARCHAR(1000000)
);
INSERT INTO post_contents (post_id, html, text)
    SELECT id, content_html, content_text FROM posts WHERE archived_at IS NULL;
ALTER TABLE posts DROP COLUMN content_html;
ALTER TABLE posts DROP COLUMN content_text;
