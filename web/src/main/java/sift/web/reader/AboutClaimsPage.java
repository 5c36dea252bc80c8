package sift.web.reader;

/** The page that says how Sift scores AI claims, with the hype threshold this Sift uses now. */
public record AboutClaimsPage(int threshold) {}
