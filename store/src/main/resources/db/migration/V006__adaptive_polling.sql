-- How often a feed is polled follows how often it publishes, its TTL and the server's caching headers;
-- the interval chosen at the last full answer is kept for the 304s that follow. A periodic fetch without
-- validators (full_fetch_at) catches servers whose ETag or Last-Modified never change.
ALTER TABLE feeds ADD COLUMN poll_minutes INTEGER;
ALTER TABLE feeds ADD COLUMN full_fetch_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE feeds ADD CONSTRAINT feeds_poll_minutes CHECK (poll_minutes IS NULL OR poll_minutes BETWEEN 1 AND 10080);
