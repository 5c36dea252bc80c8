package sift.nlp.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.ml.AbstractEventTrainer;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.BinaryFileDataReader;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.GenericModelReader;
import opennlp.tools.ml.model.GenericModelWriter;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's maximum-entropy models, trained the one way Sift trains them: L-BFGS with L2 regularisation, one
 * thread, events in corpus order, so that the same corpus always gives the same model.
 */
public final class Maxent {
    static final int ITERATIONS = 300;
    static final double L2 = 2;

    private Maxent() {}

    public static MaxentModel train(List<Event> events) {
        return train(events, new TrainingParameters(), L2);
    }

    /**
     * The same over real-valued features (each event's values), with its own L2 cost: a logistic regression over
     * numbers, such as an encoder's vector.
     */
    public static MaxentModel trainValued(List<Event> events, double l2) {
        TrainingParameters params = new TrainingParameters();
        params.put(AbstractEventTrainer.DATA_INDEXER_PARAM, AbstractEventTrainer.DATA_INDEXER_ONE_PASS_REAL_VALUE);
        return train(events, params, l2);
    }

    private static MaxentModel train(List<Event> events, TrainingParameters params, double l2) {
        params.put(TrainingParameters.ALGORITHM_PARAM, "MAXENT_QN");
        params.put(TrainingParameters.ITERATIONS_PARAM, ITERATIONS);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        params.put("L2Cost", l2);
        params.put("PrintMessages", false);
        EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
        try {
            return trainer.train(ObjectStreamUtils.createObjectStream(events));
        } catch (IOException e) {
            throw new UncheckedIOException("training on events held in memory cannot fail on I/O", e);
        }
    }

    /** The probability of {@code outcome} for these features. */
    public static double probability(MaxentModel model, String outcome, String[] features) {
        int index = model.getIndex(outcome);
        return index < 0 ? 0 : model.eval(features)[index];
    }

    public static void write(MaxentModel model, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        new GenericModelWriter((AbstractModel) model, data).persist();
        data.flush();
    }

    /** A model bundled on the classpath at {@code resource}, failing with its name when it is not there. */
    public static MaxentModel readResource(String resource) throws IOException {
        try (InputStream in = Maxent.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the model " + resource + " is not on the classpath");
            }
            return read(in);
        }
    }

    public static MaxentModel read(InputStream in) throws IOException {
        return new GenericModelReader(new BinaryFileDataReader(in)).getModel();
    }
}
