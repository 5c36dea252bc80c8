-- Teasers get the full text of their page unless the admin switches it off for the feed: what a reader of a
-- feed that gives only "Continue reading" expects. No admin could set the switch before this version.
ALTER TABLE feeds ALTER COLUMN full_text SET DEFAULT TRUE;
UPDATE feeds SET full_text = TRUE;
