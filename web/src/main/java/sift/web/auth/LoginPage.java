package sift.web.auth;

/** The login form, with what was wrong with the last try. */
public record LoginPage(String next, String token, String problem, String name) {}
