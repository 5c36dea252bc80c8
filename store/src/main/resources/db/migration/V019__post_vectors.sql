-- What the sentence encoder made of a post's title and lead: 384 numbers (IEEE 754 single precision, little-endian,
-- 1,536 bytes), written with the post's other facts. The search index links posts of the same story by it; posts
-- stored before it have none until they are analysed again, and are linked by their words alone.
ALTER TABLE posts ADD COLUMN vector BYTEA;
