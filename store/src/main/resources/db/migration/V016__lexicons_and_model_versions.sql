-- An admin's hype lexicon is a classifier setting too (every version kept, one active): it needs room.
ALTER TABLE classifier_settings ALTER COLUMN setting SET DATA TYPE VARCHAR(200000);

-- A stance label is of a whole post (its text: the title, a line break, the text) or of one claim (its sentence):
-- retraining learns from sentences. Claim labels given before this column are the ones without a line break.
ALTER TABLE labels ADD COLUMN sentence BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE labels SET sentence = TRUE WHERE target = 'stance' AND text NOT LIKE '%
%';

-- A retrained model is kept whether it was promoted or refused (its metrics say why), with who asked for it and
-- how many admins' labels it learned from. Only a promoted version may be made active.
ALTER TABLE model_versions ADD COLUMN user_name VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE model_versions ADD COLUMN labels INT DEFAULT 0 NOT NULL;
ALTER TABLE model_versions ADD COLUMN promoted BOOLEAN DEFAULT FALSE NOT NULL;
