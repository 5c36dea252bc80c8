package sift.web.classifier;

import java.time.Instant;
import java.util.List;

/** The stance model page: its versions with their evaluations, labels, and retraining. */
public record ModelsPage(
        List<ModelRoutes.Row> rows,
        int labelled,
        String byStance,
        int corpus,
        double tolerance,
        Retrain.Progress progress,
        String active,
        String problem,
        Instant now) {}
