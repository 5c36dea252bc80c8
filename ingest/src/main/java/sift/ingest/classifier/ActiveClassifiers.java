package sift.ingest.classifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sift.nlp.Analyzer;
import sift.nlp.hype.HypeLexicon;
import sift.nlp.hype.StanceModel;
import sift.store.Database;
import sift.store.classifier.ClassifierSettingStore;
import sift.store.classifier.ModelStore;

/**
 * The analyzer with what admins chose, as the database keeps it: the active hype lexicon, the active retrained stance
 * model and the active hype threshold, each over the one Sift was built with (or configured). Each is checked again
 * as it is read: one that no longer passes (a lexicon missing a list a newer Sift needs, a model's bytes damaged) is
 * logged with its version and the built one is used in its place, so that a bad input never stops Sift.
 */
public final class ActiveClassifiers {
    private static final Logger log = LoggerFactory.getLogger(ActiveClassifiers.class);

    private ActiveClassifiers() {}

    /** {@code built} with the lexicon, stance model and threshold admins made active. */
    public static Analyzer compose(Database db, Analyzer built) {
        Analyzer analyzer = built;
        ClassifierSettingStore settings = db.classifierSettings();
        var lexicon = settings.active(ClassifierSettingStore.HYPE_LEXICON);
        if (lexicon.isPresent()) {
            try {
                analyzer = analyzer.withLexicon(HypeLexicon.parse(
                        lexicon.get().value(), lexiconName(lexicon.get().id())));
            } catch (IllegalArgumentException e) {
                log.error(
                        "The active hype lexicon ({}) is refused ({}); the lexicon Sift was built with is used",
                        lexiconName(lexicon.get().id()),
                        e.getMessage());
            }
        }
        var model = db.models().active(ModelStore.HYPE);
        if (model.isPresent()) {
            try {
                analyzer = withModel(
                        analyzer,
                        model.get(),
                        db.models().bytes(model.get().id()).orElse(null));
            } catch (IllegalArgumentException e) {
                log.error(
                        "The active stance model (version {}) is refused ({}); the model Sift was built with is used",
                        model.get().version(),
                        e.getMessage());
            }
        }
        var threshold = settings.active(ClassifierSettingStore.HYPE_THRESHOLD);
        if (threshold.isPresent()) {
            try {
                analyzer = analyzer.withHypeThreshold(
                        Integer.parseInt(threshold.get().value().strip()));
            } catch (IllegalArgumentException e) {
                log.error(
                        "The active hype threshold '{}' is refused ({}); the threshold Sift was configured with, {},"
                                + " is used",
                        threshold.get().value(),
                        e.getMessage(),
                        analyzer.hypeThreshold());
            }
        }
        return analyzer;
    }

    /** Which versions are active, in words ("lexicon 3, model 2, threshold built"): what a change is seen by. */
    public static String versions(Database db) {
        ClassifierSettingStore settings = db.classifierSettings();
        return "lexicon "
                + settings.active(ClassifierSettingStore.HYPE_LEXICON)
                        .map(v -> String.valueOf(v.id()))
                        .orElse("built") + ", model "
                + db.models()
                        .active(ModelStore.HYPE)
                        .map(v -> String.valueOf(v.version()))
                        .orElse("built") + ", threshold "
                + settings.active(ClassifierSettingStore.HYPE_THRESHOLD)
                        .map(v -> String.valueOf(v.id()))
                        .orElse("configured");
    }

    /** How a lexicon version is named in messages. */
    public static String lexiconName(long id) {
        return "lexicon version " + id;
    }

    /** How a model version is named in messages and in the analyzer's version. */
    public static String modelName(ModelStore.Version version) {
        return "hype-v" + version.version();
    }

    /**
     * {@code analyzer} judging claims with a kept model version, checked as it is read.
     *
     * @throws IllegalArgumentException naming the version when its bytes are not a stance model
     */
    public static Analyzer withModel(Analyzer analyzer, ModelStore.Version version, byte[] bytes) {
        String name = "version " + version.version() + " of the stance model";
        StanceModel model = StanceModel.read(bytes, name, analyzer.stanceModel().lexicon());
        return analyzer.withStanceModel(model, modelName(version));
    }
}
