package sift.web.admin;

import java.time.Instant;
import java.util.List;
import sift.store.AuditStore;

/** The audit log: the newest admin changes first. */
public record AuditPage(List<AuditStore.Entry> entries, Instant now) {}
