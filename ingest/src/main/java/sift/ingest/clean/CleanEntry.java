package sift.ingest.clean;

/**
 * An entry as Sift stores it: its title as plain text (never null: the start of the text, else "(untitled)"),
 * its feed summary and its content sanitised (the content is the summary when the feed gave no content).
 */
public record CleanEntry(String title, CleanHtml summary, CleanHtml content) {}
