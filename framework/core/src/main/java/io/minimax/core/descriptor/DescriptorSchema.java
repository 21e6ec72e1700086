package io.minimax.core.descriptor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minimax.core.descriptor.DescriptorPath.Index;
import io.minimax.core.descriptor.DescriptorPath.Key;
import io.minimax.core.descriptor.DescriptorPath.Segment;
import io.minimax.core.plugin.ExtensionPoint;
import io.minimax.core.plugin.ExtensionPoints;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.PluginFactory;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which keys a descriptor may hold: the framework's own sections, and in a plugin section {@code type} plus the
 * components of the selected factory's spec record. Answers whether a {@code --set} or {@code sweep} path names
 * a field that exists.
 */
final class DescriptorSchema
{
    static final List<String> TOP_KEYS = List.of(
            "name", "description", "seed", "reproducibility", "train", "data", "prior", "loss", "penalties", "generator", "discriminator",
            "optimizer", "metrics", "tracking",
            "sweep");
    static final List<String> TRAIN_KEYS = List.of("steps", "batchSize", "discriminatorSteps", "updates", "logEvery", "evalEvery",
            "vectorizeSweep", "threads", "checkpointEvery", "keepCheckpoints");
    static final List<String> OPTIMIZER_KEYS = List.of("generator", "discriminator");
    static final String TYPE = "type";

    private final PluginRegistry registry;

    DescriptorSchema(PluginRegistry registry)
    {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** The extension point selected at a top-level key, e.g. {@code loss} → losses; {@code optimizer} → optimizers. */
    ExtensionPoint<?> extensionPoint(String topKey)
    {
        return ExtensionPoints.ALL.stream()
                .filter(kind -> kind.descriptorKeys().contains(topKey))
                .findFirst()
                .<ExtensionPoint<?>>map(registry::point)
                .orElseThrow(() -> new IllegalArgumentException("not a plugin section: " + topKey));
    }

    /** The spec components of a factory, in declaration order: the keys its section accepts besides {@code type}. */
    static List<RecordComponent> parameters(PluginFactory<?> factory)
    {
        RecordComponent[] components = factory.specClass().getRecordComponents();
        return components == null ? List.of() : List.of(components);
    }

    /**
     * Why {@code path} does not name a settable field of {@code root}, or empty when it does. In a plugin section
     * any key of the section's type, or of a type in {@code otherTypes} (section path → type names a sweep
     * selects), is accepted; a section whose types are all unknown accepts any key, since binding reports the type.
     */
    Optional<String> check(DescriptorPath path, ObjectNode root, Map<String, Set<String>> otherTypes)
    {
        List<Segment> segments = path.segments();
        if (!(segments.get(0) instanceof Key top) || !TOP_KEYS.contains(top.name())) {
            return Optional.of(unknownKey(segments.get(0), TOP_KEYS));
        }
        int length = segments.size();
        return switch (top.name()) {
            case "sweep" -> Optional.of("the sweep cannot be set or swept");
            case "name", "description", "seed", "reproducibility" -> leaf(path, 1);
            case "train" -> length == 1 ? Optional.empty() : key(path, 1, TRAIN_KEYS).or(() -> leaf(path, 2));
            case "optimizer" -> length == 1
                    ? Optional.empty()
                    : key(path, 1, OPTIMIZER_KEYS)
                            .or(() -> pluginSection(path, 2, registry.point(ExtensionPoints.OPTIMIZERS), root, otherTypes));
            case "metrics", "penalties" -> length == 1 ? Optional.empty() : listEntry(path, top.name(), root, otherTypes);
            default -> pluginSection(path, 1, extensionPoint(top.name()), root, otherTypes);
        };
    }

    /** A path into an entry of a list of plugin sections ({@code metrics}, {@code penalties}). */
    private Optional<String> listEntry(DescriptorPath path, String topKey, ObjectNode root, Map<String, Set<String>> otherTypes)
    {
        if (!(path.segments().get(1) instanceof Index)) {
            return Optional.of("'" + topKey + "' is a list: name an entry as " + topKey + "[0]");
        }
        if (path.find(root, 2).isEmpty()) {
            return Optional.of("'" + path.prefix(2) + "' is not in the descriptor");
        }
        return pluginSection(path, 2, extensionPoint(topKey), root, otherTypes);
    }

    private static Optional<String> pluginSection(DescriptorPath path, int start, ExtensionPoint<?> point, ObjectNode root,
            Map<String, Set<String>> otherTypes)
    {
        List<Segment> segments = path.segments();
        if (segments.size() == start) {
            return Optional.empty();
        }
        if (!(segments.get(start) instanceof Key key)) {
            return Optional.of("'" + path.prefix(start) + "' is a mapping, not a list");
        }
        if (key.name().equals(TYPE)) {
            return leaf(path, start + 1);
        }
        String sectionPath = path.prefix(start);
        Set<String> types = new LinkedHashSet<>(otherTypes.getOrDefault(sectionPath, Set.of()));
        Optional<JsonNode> section = path.find(root, start);
        section.map(node -> node.get(TYPE)).filter(JsonNode::isTextual).ifPresent(type -> types.add(type.textValue()));
        if (section.isEmpty() && types.isEmpty()) {
            return Optional.of("'" + sectionPath + "' is not in the descriptor: set the whole section, with its type");
        }
        List<String> keys = new ArrayList<>();
        types.stream()
                .flatMap(type -> point.find(type).stream())
                .flatMap(factory -> parameters(factory).stream())
                .map(RecordComponent::getName)
                .filter(name -> !keys.contains(name))
                .forEach(keys::add);
        boolean anyKnownType = types.stream().anyMatch(type -> point.find(type).isPresent());
        if (anyKnownType && !keys.contains(key.name())) {
            keys.add(0, TYPE);
            return Optional.of(unknownKey(key, keys));
        }
        return leaf(path, start + 1);
    }

    private static Optional<String> key(DescriptorPath path, int position, List<String> allowed)
    {
        Segment segment = path.segments().get(position);
        if (segment instanceof Key key && allowed.contains(key.name())) {
            return Optional.empty();
        }
        return Optional.of(unknownKey(segment, allowed));
    }

    private static Optional<String> leaf(DescriptorPath path, int length)
    {
        if (path.segments().size() > length) {
            return Optional.of("cannot set a part of '" + path.prefix(length) + "': set the whole value");
        }
        return Optional.empty();
    }

    private static String unknownKey(Segment segment, List<String> known)
    {
        if (segment instanceof Key key) {
            return "unknown key '" + key.name() + "' " + DidYouMean.hint(key.name(), known);
        }
        return "unexpected list index [" + ((Index) segment).index() + "]";
    }
}
