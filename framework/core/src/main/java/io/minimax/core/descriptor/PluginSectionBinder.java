package io.minimax.core.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.minimax.core.plugin.ExtensionPoint;
import io.minimax.spi.InvalidSpecException;
import io.minimax.spi.Param;
import io.minimax.spi.PluginFactory;
import io.minimax.spi.PluginSpec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.minimax.core.descriptor.DescriptorSchema.TYPE;
import static io.minimax.core.descriptor.Problems.join;
import static java.util.Objects.requireNonNull;

/**
 * Binds a plugin section ({@code type} plus parameters) to the spec record of the factory it names: fills missing
 * keys from {@link Param#defaultValue()} in the tree (so the resolved descriptor shows them), converts each value to
 * its component's type, then calls the canonical constructor, which validates. Every problem is recorded with the
 * section's path: unknown keys, missing and mistyped parameters, and each problem the spec itself reports.
 */
final class PluginSectionBinder
{
    private final DescriptorReader reader;
    private final ValueConverter converter;

    PluginSectionBinder(DescriptorReader reader, ValueConverter converter)
    {
        this.reader = requireNonNull(reader, "reader is null");
        this.converter = requireNonNull(converter, "converter is null");
    }

    /** Empty when the section is not valid; the problems are recorded. */
    Optional<PluginSelection> bind(String path, JsonNode section, ExtensionPoint<?> point, Problems problems)
    {
        if (!(section instanceof ObjectNode mapping)) {
            problems.add(path, "expected a mapping with a 'type' key, got " + NodeText.describe(section));
            return Optional.empty();
        }
        JsonNode type = mapping.get(TYPE);
        if (type == null) {
            problems.add(join(path, TYPE), "is required (known: " + String.join(", ", point.names()) + ")");
            return Optional.empty();
        }
        if (!type.isTextual()) {
            problems.add(join(path, TYPE), "expected a string, got " + NodeText.describe(type));
            return Optional.empty();
        }
        Optional<? extends PluginFactory<?>> factory = point.find(type.textValue());
        if (factory.isEmpty()) {
            problems.add(join(path, TYPE), DidYouMean.unknownName(point.noun(), type.textValue(), point.names()));
            return Optional.empty();
        }
        return bind(path, mapping, factory.get(), point.noun(), problems);
    }

    private Optional<PluginSelection> bind(String path, ObjectNode section, PluginFactory<?> factory, String noun, Problems problems)
    {
        String pluginName = noun + " '" + factory.name() + "'";
        if (!factory.specClass().isRecord()) {
            problems.add(path, "the spec of " + pluginName + " is not a record: " + factory.specClass().getName()
                    + " (a bug in the plugin)");
            return Optional.empty();
        }
        int mark = problems.count();
        List<RecordComponent> parameters = DescriptorSchema.parameters(factory);
        List<String> keys = new ArrayList<>();
        keys.add(TYPE);
        parameters.forEach(parameter -> keys.add(parameter.getName()));
        section.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key)) {
                problems.add(join(path, key), DidYouMean.unknownKey(key, keys));
            }
        });

        // unknown keys do not stop the spec from checking its values: both are reported in one pass
        boolean complete = true;
        Object[] arguments = new Object[parameters.size()];
        for (int index = 0; index < parameters.size(); index++) {
            RecordComponent parameter = parameters.get(index);
            String parameterPath = join(path, parameter.getName());
            JsonNode value = section.get(parameter.getName());
            if (value == null) {
                Optional<JsonNode> defaultValue = defaultValue(parameter, parameterPath, problems);
                if (defaultValue.isEmpty()) {
                    complete = false;
                    continue;
                }
                value = defaultValue.get();
                if (value.isNull()) {
                    // a default of null (~) leaves the component null for the spec to handle; it has no key to show
                    if (parameter.getType().isPrimitive()) {
                        problems.add(parameterPath, "the default is null but the type is " + parameter.getType()
                                + " (a bug in the plugin)");
                        complete = false;
                    }
                    continue;
                }
                TreeNodes.insertInOrder(section, parameter.getName(), value, keys);
            }
            Optional<?> converted = converter.convert(value, parameter.getGenericType(), parameterPath, problems);
            if (converted.isPresent()) {
                arguments[index] = converted.get();
            }
            complete &= converted.isPresent();
        }
        if (!complete) {
            return Optional.empty();
        }
        Optional<PluginSpec> spec = construct(path, factory, pluginName, parameters, arguments, problems);
        // a section with unknown keys is not valid even when its spec is
        return spec.isPresent() && problems.count() == mark
                ? Optional.of(new PluginSelection(path, factory.name(), spec.get()))
                : Optional.empty();
    }

    /** Empty, with a problem recorded, when the parameter has no default. */
    private Optional<JsonNode> defaultValue(RecordComponent parameter, String path, Problems problems)
    {
        Param param = parameter.getAnnotation(Param.class);
        if (param == null || param.defaultValue().equals(Param.REQUIRED)) {
            problems.add(path, param == null ? "is required" : "is required (" + param.description() + ")");
            return Optional.empty();
        }
        if (param.defaultValue().isEmpty()) {
            // YAML would read empty text as null; a plugin author writing "" means the empty string
            return Optional.of(TextNode.valueOf(""));
        }
        try {
            return Optional.of(reader.readValue(param.defaultValue()));
        }
        catch (JsonProcessingException e) {
            problems.add(path, "the default '" + param.defaultValue() + "' is not valid YAML (a bug in the plugin): "
                    + DescriptorReader.syntaxError("YAML", e));
            return Optional.empty();
        }
    }

    private static Optional<PluginSpec> construct(String path, PluginFactory<?> factory, String pluginName,
            List<RecordComponent> parameters, Object[] arguments, Problems problems)
    {
        Class<?>[] types = parameters.stream().map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<? extends PluginSpec> constructor = factory.specClass().getDeclaredConstructor(types);
            // spec records of plugins and tests need not be public; they live in unnamed modules, so this is allowed
            constructor.setAccessible(true);
            return Optional.of(constructor.newInstance(arguments));
        }
        catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidSpecException invalid) {
                invalid.problems().forEach(problem -> problems.add(join(path, problem.field()), problem.message()));
            }
            else {
                problems.add(path, "invalid " + pluginName + ": " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            }
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(path, "cannot create the spec of " + pluginName + " (a bug in the plugin): " + e);
        }
        return Optional.empty();
    }
}
