package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.minimax.core.descriptor.DescriptorSchema.TOP_KEYS;
import static io.minimax.core.descriptor.DescriptorSchema.TRAIN_KEYS;
import static java.util.Objects.requireNonNull;

/** The {@code train:} section: sizes of the training loop, all positive; {@code evalEvery} defaults to {@code steps}. */
final class TrainSectionBinder
{
    private static final List<String> UPDATE_RULES = Arrays.stream(UpdateRule.values()).map(UpdateRule::key).toList();

    private final FieldReader fields;

    TrainSectionBinder(FieldReader fields)
    {
        this.fields = requireNonNull(fields, "fields is null");
    }

    Optional<TrainSpec> bind(ObjectNode root, Problems problems)
    {
        JsonNode section = root.get("train");
        if (section != null && !section.isObject()) {
            problems.add("train", "expected a mapping with steps and batchSize, got " + NodeText.describe(section));
            return Optional.empty();
        }
        ObjectNode train = (ObjectNode) section;
        if (train == null) {
            // filled in the tree too, so the resolved descriptor shows the defaults of a section it did not write
            train = root.objectNode();
            TreeNodes.insertInOrder(root, "train", train, TOP_KEYS);
        }
        fields.rejectUnknownKeys(train, "train", TRAIN_KEYS, problems);

        Optional<Long> steps = positive(read(train, "steps", Long.class, null, problems), "steps", problems);
        Optional<Integer> batchSize = positive(read(train, "batchSize", Integer.class, null, problems), "batchSize", problems);
        Optional<Integer> discriminatorSteps = positive(read(train, "discriminatorSteps", Integer.class, IntNode.valueOf(1), problems),
                "discriminatorSteps", problems);
        Optional<UpdateRule> updates = read(train, "updates", String.class, TextNode.valueOf(UpdateRule.ALTERNATING.key()), problems)
                .flatMap(value -> updateRule(value, problems));
        Optional<Long> logEvery = positive(read(train, "logEvery", Long.class, LongNode.valueOf(10), problems), "logEvery", problems);
        Optional<Long> evalEvery = Optional.empty();
        if (train.has("evalEvery") || steps.isPresent()) {
            evalEvery = positive(read(train, "evalEvery", Long.class, steps.map(LongNode::valueOf).orElse(null), problems), "evalEvery",
                    problems);
        }

        // How a sweep is computed, not what: left out of the resolved descriptor (and so of the params) when not written,
        // so that a run trained in lockstep, on any number of threads, compares equal to the same run trained alone.
        Optional<Boolean> vectorizeSweep = train.has("vectorizeSweep")
                ? read(train, "vectorizeSweep", Boolean.class, null, problems)
                : Optional.of(false);
        Optional<Integer> threads = train.has("threads")
                ? positive(read(train, "threads", Integer.class, null, problems), "threads", problems)
                : Optional.of(Runtime.getRuntime().availableProcessors());

        // How often the run is saved, not what it computes: left out of the resolved descriptor when not written, too.
        Optional<Long> checkpointEvery = train.has("checkpointEvery")
                ? positive(read(train, "checkpointEvery", Long.class, null, problems), "checkpointEvery", problems)
                : evalEvery;
        Optional<Integer> keepCheckpoints = train.has("keepCheckpoints")
                ? positive(read(train, "keepCheckpoints", Integer.class, null, problems), "keepCheckpoints", problems)
                : Optional.of(TrainSpec.DEFAULT_KEEP_CHECKPOINTS);

        if (checkpointEvery.isEmpty() || keepCheckpoints.isEmpty() || vectorizeSweep.isEmpty() || threads.isEmpty() || steps.isEmpty()
                || batchSize.isEmpty() || discriminatorSteps.isEmpty()
                || updates.isEmpty() || logEvery.isEmpty() || evalEvery.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TrainSpec(steps.get(), batchSize.get(), discriminatorSteps.get(), updates.get(), logEvery.get(),
                evalEvery.get(), vectorizeSweep.get(), threads.get(), checkpointEvery.get(), keepCheckpoints.get()));
    }

    private <T> Optional<T> read(ObjectNode train, String key, Class<T> type, JsonNode defaultValue, Problems problems)
    {
        return fields.read(train, "train", key, type, defaultValue, TRAIN_KEYS, problems);
    }

    private <T extends Number> Optional<T> positive(Optional<T> value, String key, Problems problems)
    {
        return value.filter(number -> fields.check(number.longValue() > 0, "train." + key, "must be > 0 (got " + number + ")", problems));
    }

    private static Optional<UpdateRule> updateRule(String value, Problems problems)
    {
        for (UpdateRule rule : UpdateRule.values()) {
            if (rule.key().equals(value)) {
                return Optional.of(rule);
            }
        }
        problems.add("train.updates", DidYouMean.unknownName("update rule", value, UPDATE_RULES));
        return Optional.empty();
    }
}
