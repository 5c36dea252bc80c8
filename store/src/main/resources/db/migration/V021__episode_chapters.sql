-- An episode's chapters, read from the chapters file its feed links (Podcasting 2.0 JSON chapters): one a line,
-- start in whole seconds, a tab, the title. Episodes stored before have none until they change.
ALTER TABLE post_episodes ADD COLUMN chapters VARCHAR(8000);
