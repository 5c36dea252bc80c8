package sift.web.classifier;

import java.time.Instant;
import java.util.List;
import sift.nlp.train.Retraining;
import sift.store.classifier.ClassifierSettingStore;

/** The hype lexicon page: the lexicon in a form, a preview and evaluation of a change, and its versions. */
public record LexiconPage(
        List<LexiconRoutes.ListRow> lists,
        LexiconForm form,
        List<Preview.Change> changes,
        List<String> differences,
        Retraining.Comparison evaluation,
        int previewed,
        List<ClassifierSettingStore.Version> history,
        String problem,
        Instant now) {}
