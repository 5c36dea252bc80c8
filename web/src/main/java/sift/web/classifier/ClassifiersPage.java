package sift.web.classifier;

import java.time.Instant;
import java.util.List;
import sift.store.classifier.ClassifierSettingStore;

/** The classifiers page: the hype threshold, a preview of a new one, and re-scoring. */
public record ClassifiersPage(
        int active,
        Integer candidate,
        String typed,
        List<Preview.Change> changes,
        int previewed,
        List<ClassifierSettingStore.Version> history,
        String problem,
        Instant now,
        Rescore.Progress rescore) {}
