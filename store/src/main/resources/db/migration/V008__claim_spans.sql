-- Where each AI claim is: in the post's title or its text, and its character span there (start inclusive,
-- end exclusive), so that the reader can mark it in place. Claims stored before had no span; none were stored
-- before this version (the scorer came with it), so the defaults only fill the column.
ALTER TABLE post_claims ADD COLUMN part VARCHAR(5) DEFAULT 'text' NOT NULL;
ALTER TABLE post_claims ADD COLUMN span_start INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE post_claims ADD COLUMN span_end INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE post_claims ADD CONSTRAINT post_claims_part CHECK (part IN ('title', 'text'));
ALTER TABLE post_claims ADD CONSTRAINT post_claims_span CHECK (span_start >= 0 AND span_end >= span_start);
