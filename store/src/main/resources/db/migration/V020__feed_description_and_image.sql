-- What a feed says of itself: its description (plain text) and its artwork (an http or https address), as
-- its last full fetch gave them. The podcast show page shows both. Feeds fetched before have none until their
-- next change.
ALTER TABLE feeds ADD COLUMN description VARCHAR(2000);
ALTER TABLE feeds ADD COLUMN image_url VARCHAR(2048);
