package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.minimax.core.platform.Reproducibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.minimax.core.descriptor.DescriptorSchema.OPTIMIZER_KEYS;
import static io.minimax.core.descriptor.DescriptorSchema.TOP_KEYS;
import static io.minimax.core.descriptor.Problems.join;
import static java.util.Objects.requireNonNull;

/**
 * Turns one descriptor tree (overrides and one sweep combination applied, the sweep removed) into an
 * {@link ExperimentSpec}, filling every default into the tree so that it becomes the resolved descriptor.
 * Records every problem rather than stopping at the first.
 */
final class DescriptorBinder
{
    // the name becomes a folder: no separators, no spaces, and not "." or ".."
    private static final Pattern NAME = Pattern.compile("(?!\\.+$)[A-Za-z0-9._-]+");
    // well under a file system's 255 bytes a folder name may take, and short enough for an MLflow experiment name
    static final int MAX_NAME_LENGTH = 100;

    private final DescriptorSchema schema;
    private final PluginSectionBinder sections;
    private final TrainSectionBinder train;
    private final FieldReader fields;

    DescriptorBinder(DescriptorSchema schema, PluginSectionBinder sections, FieldReader fields)
    {
        this.schema = requireNonNull(schema, "schema is null");
        this.sections = requireNonNull(sections, "sections is null");
        this.fields = requireNonNull(fields, "fields is null");
        this.train = new TrainSectionBinder(fields);
    }

    /** Empty when the descriptor is not valid; the problems are recorded. */
    Optional<ExperimentSpec> bind(ObjectNode root, Problems problems)
    {
        int mark = problems.count();
        TreeNodes.removeNulls(root);
        fields.rejectUnknownKeys(root, "", TOP_KEYS, problems);

        Optional<String> name = fields.read(root, "", "name", String.class, null, TOP_KEYS, problems)
                .filter(value -> fields.check(NAME.matcher(value).matches(), "name",
                        "must be letters, digits, '.', '_' or '-' only, as it names a folder (got '" + value + "')", problems))
                .filter(value -> fields.check(value.length() <= MAX_NAME_LENGTH, "name",
                        "must be at most " + MAX_NAME_LENGTH + " characters, as it names a folder and the MLflow experiment (got "
                                + value.length() + ")", problems));
        Optional<String> description = root.has("description")
                ? fields.read(root, "", "description", String.class, null, TOP_KEYS, problems)
                : Optional.empty();
        Optional<Long> seed = fields.read(root, "", "seed", Long.class, LongNode.valueOf(0), TOP_KEYS, problems)
                .filter(value -> fields.check(value >= 0, "seed", "must be >= 0 (got " + value + ")", problems));
        Optional<Reproducibility> reproducibility = fields.read(root, "", "reproducibility", String.class,
                        TextNode.valueOf(Reproducibility.FASTEST.key()), TOP_KEYS, problems)
                .flatMap(value -> reproducibility(value, problems));
        Optional<TrainSpec> trainSpec = train.bind(root, problems);

        Optional<PluginSelection> data = requiredSection(root, "", "data", problems);
        Optional<PluginSelection> prior = requiredSection(root, "", "prior", problems);
        Optional<PluginSelection> loss = requiredSection(root, "", "loss", problems);
        // unlike metrics, an absent penalties section stays absent: descriptors without one resolve as they always did
        List<PluginSelection> penalties = root.has("penalties") ? bindList(root, "penalties", "penalty", problems) : List.of();
        Optional<PluginSelection> generator = requiredSection(root, "", "generator", problems);
        Optional<PluginSelection> discriminator = requiredSection(root, "", "discriminator", problems);

        Optional<PluginSelection> generatorOptimizer = Optional.empty();
        Optional<PluginSelection> discriminatorOptimizer = Optional.empty();
        JsonNode optimizer = root.get("optimizer");
        if (optimizer != null && !optimizer.isObject()) {
            problems.add("optimizer", "expected a mapping with 'generator' and 'discriminator', got " + NodeText.describe(optimizer));
        }
        else {
            ObjectNode optimizers = optimizer == null ? root.objectNode() : (ObjectNode) optimizer;
            fields.rejectUnknownKeys(optimizers, "optimizer", OPTIMIZER_KEYS, problems);
            generatorOptimizer = requiredSection(optimizers, "optimizer", "generator", problems);
            discriminatorOptimizer = requiredSection(optimizers, "optimizer", "discriminator", problems);
        }

        if (!root.has("metrics")) {
            TreeNodes.insertInOrder(root, "metrics", root.arrayNode(), TOP_KEYS);
        }
        List<PluginSelection> metrics = bindList(root, "metrics", "metric", problems);
        Optional<PluginSelection> tracking = root.has("tracking")
                ? sections.bind("tracking", root.get("tracking"), schema.extensionPoint("tracking"), problems)
                : Optional.empty();

        if (problems.count() > mark) {
            return Optional.empty();
        }
        return Optional.of(new ExperimentSpec(
                name.orElseThrow(),
                description,
                seed.orElseThrow(),
                reproducibility.orElseThrow(),
                trainSpec.orElseThrow(),
                data.orElseThrow(),
                prior.orElseThrow(),
                loss.orElseThrow(),
                penalties,
                generator.orElseThrow(),
                discriminator.orElseThrow(),
                generatorOptimizer.orElseThrow(),
                discriminatorOptimizer.orElseThrow(),
                metrics,
                tracking));
    }

    private static Optional<Reproducibility> reproducibility(String value, Problems problems)
    {
        Optional<Reproducibility> known = Reproducibility.fromKey(value);
        if (known.isEmpty()) {
            problems.add("reproducibility", DidYouMean.unknownName("reproducibility", value, Reproducibility.KEYS));
        }
        return known;
    }

    private Optional<PluginSelection> requiredSection(ObjectNode parent, String parentPath, String key, Problems problems)
    {
        String path = join(parentPath, key);
        JsonNode section = parent.get(key);
        if (section == null) {
            problems.add(path, "is required");
            return Optional.empty();
        }
        String topKey = parentPath.isEmpty() ? key : parentPath;
        return sections.bind(path, section, schema.extensionPoint(topKey), problems);
    }

    /** A top-level list of plugin sections, e.g. {@code metrics}; each entry is bound at {@code key[index]}. */
    private List<PluginSelection> bindList(ObjectNode root, String key, String noun, Problems problems)
    {
        JsonNode list = root.get(key);
        if (!list.isArray()) {
            problems.add(key, "expected a list of " + noun + " sections, got " + NodeText.describe(list));
            return List.of();
        }
        List<PluginSelection> selections = new ArrayList<>();
        ArrayNode entries = (ArrayNode) list;
        for (int index = 0; index < entries.size(); index++) {
            sections.bind(key + "[" + index + "]", entries.get(index), schema.extensionPoint(key), problems)
                    .ifPresent(selections::add);
        }
        return selections;
    }
}
