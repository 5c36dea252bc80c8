package sift.web.admin;

import java.time.Instant;
import java.util.List;
import sift.store.user.User;

/** The accounts page: every account, and what the last change did or why it was refused. */
public record UsersPage(List<User> users, String done, String problem, Instant now) {}
