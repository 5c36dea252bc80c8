-- A worker claims a due feed with a lease: no other worker fetches it until the lease is released (the fetch
-- was recorded) or has expired (the worker died). Claiming locks the rows it reads with SKIP LOCKED, so
-- several workers on one database take disjoint feeds without waiting on each other.
ALTER TABLE feeds ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE feeds ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
