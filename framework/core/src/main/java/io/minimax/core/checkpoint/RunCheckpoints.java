package io.minimax.core.checkpoint;

import io.minimax.core.descriptor.TrainSpec;
import io.minimax.core.engine.Checkpointing;
import io.minimax.core.engine.Players;
import io.minimax.core.journal.JournalLayout;
import io.minimax.core.wiring.RandomStreams;
import io.minimax.spi.network.Network;
import io.minimax.spi.tracking.RunInfo;
import io.minimax.spi.tracking.Tracker;
import jakarta.inject.Inject;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What a run's checkpoint holds: both networks' parameter vectors ({@code generator/parameters},
 * {@code discriminator/parameters}), their untrained state ({@code generator/state/<name>}: batch normalization's
 * running statistics; {@link Network#state()}), each optimizer's state ({@code generator/optimizer/0}, ...), and the
 * position of every random stream its plugins draw from ({@code random/<descriptor path>}: data, prior, evaluation, metrics,
 * penalties). That is all the loop carries from one step to the next: gradients, minibatches and scratch arrays are
 * written before they are read in every step, and the metrics keep nothing between evaluations. A checkpoint that
 * cannot be written is a warning, not the end of the run; one that is written is told to the run's trackers
 * ({@link Tracker#checkpointWritten}).
 */
public final class RunCheckpoints
        implements Checkpointing
{
    private static final Logger log = LoggerFactory.getLogger(RunCheckpoints.class);
    private static final String RANDOM = "random/";

    private final Players players;
    private final RandomStreams streams;
    private final Path runDirectory;
    private final TrainSpec train;
    private final ResumePoint resumePoint;
    private final List<Tracker> trackers;
    private boolean warned;

    @Inject
    public RunCheckpoints(Players players, RandomStreams streams, RunInfo run, TrainSpec train, ResumePoint resumePoint,
            List<Tracker> trackers)
    {
        this.trackers = List.copyOf(requireNonNull(trackers, "trackers is null"));
        this.players = requireNonNull(players, "players is null");
        this.streams = requireNonNull(streams, "streams is null");
        this.runDirectory = requireNonNull(run, "run is null").directory();
        this.train = requireNonNull(train, "train is null");
        this.resumePoint = requireNonNull(resumePoint, "resumePoint is null");
    }

    @Override
    public Restored restore()
    {
        if (resumePoint.checkpoint().isEmpty()) {
            return Restored.NOTHING;
        }
        Checkpoint checkpoint = resumePoint.checkpoint().get();
        players.generator().parameters().assign(checkpoint.array("generator/parameters"));
        players.discriminator().parameters().assign(checkpoint.array("discriminator/parameters"));
        restoreState(players.generator(), networkState(checkpoint, "generator"));
        restoreState(players.discriminator(), networkState(checkpoint, "discriminator"));
        Map<String, long[]> positions = new LinkedHashMap<>();
        checkpoint.arrays().forEach((name, array) -> {
            if (name.startsWith(RANDOM)) {
                positions.put(name.substring(RANDOM.length()), array.toLongVector());
            }
        });
        streams.restore(positions);
        return new Restored(checkpoint.step(), optimizerState(checkpoint, "generator/optimizer/"),
                optimizerState(checkpoint, "discriminator/optimizer/"));
    }

    @Override
    public void save(long step, List<INDArray> generatorOptimizer, List<INDArray> discriminatorOptimizer)
    {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("generator/parameters", players.generator().parameters());
        arrays.put("discriminator/parameters", players.discriminator().parameters());
        players.generator().state().forEach((name, array) -> arrays.put("generator/state/" + name, array));
        players.discriminator().state().forEach((name, array) -> arrays.put("discriminator/state/" + name, array));
        putOptimizer(arrays, "generator/optimizer/", generatorOptimizer);
        putOptimizer(arrays, "discriminator/optimizer/", discriminatorOptimizer);
        streams.positions().forEach((path, position) -> arrays.put(RANDOM + path, Nd4j.createFromArray(position)));
        try {
            Path written = CheckpointFiles.write(runDirectory, step, descriptorSha256(runDirectory), arrays, train.keepCheckpoints());
            for (Tracker tracker : trackers) {
                tracker.checkpointWritten(written, step);
            }
        }
        catch (IOException | RuntimeException e) {
            if (!warned) {
                log.warn("cannot write a checkpoint of step {} in {}: {}", step, runDirectory, e.toString());
                warned = true;
            }
        }
    }

    /** The SHA-256 of the run's resolved descriptor as its journal holds it; of nothing when there is none. */
    public static String descriptorSha256(Path runDirectory)
            throws IOException
    {
        Path descriptor = JournalLayout.descriptorFile(runDirectory);
        return CheckpointFiles.sha256(Files.exists(descriptor) ? Files.readAllBytes(descriptor) : new byte[0]);
    }

    /** The state arrays of the network of {@code role} ({@code generator} or {@code discriminator}) in {@code checkpoint}, by name. */
    public static Map<String, INDArray> networkState(Checkpoint checkpoint, String role)
    {
        String prefix = role + "/state/";
        Map<String, INDArray> state = new LinkedHashMap<>();
        checkpoint.arrays().forEach((name, array) -> {
            if (name.startsWith(prefix)) {
                state.put(name.substring(prefix.length()), array);
            }
        });
        return state;
    }

    /**
     * Assigns each of the network's state arrays from {@code saved}; a checkpoint written before the network had state
     * leaves it as initialised.
     *
     * @throws IllegalArgumentException when a saved array does not have the length of the network's
     */
    public static void restoreState(Network network, Map<String, INDArray> saved)
    {
        network.state().forEach((name, array) -> {
            INDArray value = saved.get(name);
            if (value == null) {
                return;
            }
            if (value.length() != array.length()) {
                throw new IllegalArgumentException("the checkpoint's state '" + name + "' has " + value.length() + " values, the network's "
                        + array.length());
            }
            array.assign(value.reshape(array.shape()));
        });
    }

    private static void putOptimizer(Map<String, INDArray> arrays, String prefix, List<INDArray> state)
    {
        for (int i = 0; i < state.size(); i++) {
            arrays.put(prefix + i, state.get(i));
        }
    }

    private static List<INDArray> optimizerState(Checkpoint checkpoint, String prefix)
    {
        List<INDArray> state = new ArrayList<>();
        while (checkpoint.arrays().containsKey(prefix + state.size())) {
            state.add(checkpoint.arrays().get(prefix + state.size()));
        }
        return state;
    }
}
