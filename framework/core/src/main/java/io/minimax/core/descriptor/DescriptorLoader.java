package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Inject;
import io.minimax.core.platform.ByteSizes;
import io.minimax.core.plugin.PluginRegistry;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Reads an experiment descriptor (YAML, or JSON for {@code .json} files) into the runs it describes: applies
 * {@code --set} overrides, expands the sweep, binds every plugin section to its factory's spec and validates
 * everything. Fails with a {@link DescriptorException} listing every problem found, each with its path: syntax
 * errors (with line and column), duplicate and unknown keys, unknown plugin types, wrong types, missing required
 * fields and every problem a spec's canonical constructor reports. Sweep semantics are described on {@link Sweep}.
 * Stateless and thread-safe.
 */
public final class DescriptorLoader
{
    private final DescriptorReader reader = new DescriptorReader();
    private final DescriptorSchema schema;
    private final DescriptorBinder binder;
    private final Overrides overridesApplier;

    @Inject
    public DescriptorLoader(PluginRegistry registry)
    {
        requireNonNull(registry, "registry is null");
        ValueConverter converter = new ValueConverter();
        this.schema = new DescriptorSchema(registry);
        this.binder = new DescriptorBinder(schema, new PluginSectionBinder(reader, converter), new FieldReader(converter));
        this.overridesApplier = new Overrides(reader, schema);
    }

    /** Reads {@code file} (UTF-8) and resolves it; {@code overrides} are {@code path=value} texts, applied in order. */
    public ExperimentPlan load(Path file, List<String> overrides)
    {
        String text;
        try {
            // refused before it is read: parsing a huge file would take minutes before failing anyway
            long size = Files.size(file);
            if (size > DescriptorReader.MAX_CHARACTERS) {
                throw failure(file, "the descriptor is " + ByteSizes.format(size) + " (" + size + " bytes); descriptors are limited to "
                        + ByteSizes.format(DescriptorReader.MAX_CHARACTERS) + " (" + DescriptorReader.MAX_CHARACTERS + " bytes)");
            }
            text = Files.readString(file);
        }
        catch (NoSuchFileException e) {
            throw failure(file, "no such file");
        }
        catch (CharacterCodingException e) {
            throw failure(file, "cannot read the descriptor: not UTF-8 text");
        }
        catch (IOException e) {
            throw failure(file, "cannot read the descriptor: " + e.getMessage());
        }
        Path fileName = file.getFileName();
        boolean json = fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(text, file.toString(), json, overrides);
    }

    /**
     * Resolves descriptor text; {@code sourceName} names it in problems and in the plan, {@code json} picks the
     * JSON parser instead of YAML.
     */
    public ExperimentPlan parse(String text, String sourceName, boolean json, List<String> overrides)
    {
        requireNonNull(text, "text is null");
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(overrides, "overrides is null");
        Problems problems = new Problems();
        Optional<ObjectNode> read = reader.read(text, sourceName, json, problems);
        if (read.isEmpty()) {
            problems.throwIfAny();
        }
        ObjectNode root = read.orElseThrow();
        overridesApplier.apply(root, overrides, problems);
        JsonNode sweepSection = root.remove("sweep");
        Optional<Sweep> sweep = Sweep.read(sweepSection, root, schema, problems);
        if (sweep.isEmpty()) {
            // the sweep cannot be expanded; still report what is wrong with the rest of the descriptor
            binder.bind(root.deepCopy(), problems);
            problems.throwIfAny();
        }

        List<RunPlan> runs = new ArrayList<>();
        for (SweepCombination combination : sweep.orElseThrow().combinations()) {
            Problems own = new Problems();
            ObjectNode tree = combination.applyTo(root, own);
            Optional<ExperimentSpec> spec = own.isEmpty() ? binder.bind(tree, own) : Optional.empty();
            spec.ifPresent(bound -> runs.add(new RunPlan(bound, combination.values(), RunParameters.flatten(tree),
                    ResolvedYaml.write(tree))));
            own.list().forEach(problem -> problems.add(combination.attribute(problem)));
        }
        problems.throwIfAny();
        return new ExperimentPlan(runs.get(0).spec().name(), sourceName, sweep.orElseThrow().definition(), runs);
    }

    private static DescriptorException failure(Path file, String message)
    {
        return new DescriptorException(List.of(new DescriptorProblem(file.toString(), message)));
    }
}
