-- AI claims said in a podcast episode, found in its transcript: part 'transcript', the span in the transcript's
-- cues as the scorer joins them, the time the claim's cue starts at in milliseconds (none where the transcript
-- gives no time) and its speaker when the transcript names one. Claims of the title and the text have neither.
ALTER TABLE post_claims ALTER COLUMN part SET DATA TYPE VARCHAR(10);
ALTER TABLE post_claims DROP CONSTRAINT post_claims_part;
ALTER TABLE post_claims ADD CONSTRAINT post_claims_part CHECK (part IN ('title', 'text', 'transcript'));
ALTER TABLE post_claims ADD COLUMN start_millis INTEGER;
ALTER TABLE post_claims ADD COLUMN speaker VARCHAR(200);
ALTER TABLE post_claims ADD CONSTRAINT post_claims_start_positive CHECK (start_millis >= 0);
