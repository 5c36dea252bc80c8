-- The host of each feed's URL, lower case, so that claiming due feeds can pass over the hosts a node already has
-- as many requests in flight to as it allows. Filled by Sift from the URL (Database.open fills the rows this
-- migration leaves empty), kept with it on subscribe and on a move.
ALTER TABLE feeds ADD COLUMN host VARCHAR(255);
