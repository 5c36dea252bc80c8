-- The validators of the transcript file Sift read (its ETag and Last-Modified), so that when the episode's post
-- changes the file is asked for conditionally, and an unchanged one keeps the cues stored.
ALTER TABLE post_episodes ADD COLUMN transcript_etag VARCHAR(500);
ALTER TABLE post_episodes ADD COLUMN transcript_last_modified VARCHAR(100);
