package sift.web.admin;

/** The progress of an OPML import running in the background. */
public record ImportPage(OpmlImports.Job job) {}
