package io.minimax.plugins.networks;

import io.minimax.nn.Activation;
import io.minimax.spi.SpecProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the entries of a {@code layers} list, as the descriptor gives them (maps, lists, strings, numbers), into
 * {@link LayerSpec}s, recording every problem with its path ({@code layers[2].conv.kernel}). Each entry is a map with
 * one key, the layer's kind: {@code {dense: 256}}, {@code {conv: {filters: 64, kernel: 4, stride: 2, padding: 1}}},
 * {@code {deconv: {...}}}, {@code {batchnorm: {}}}, {@code {activation: relu}} (or {@code {activation: {type:
 * leaky-relu, leak: 0.1}}}), {@code {reshape: [128, 7, 7]}}, {@code {flatten: {}}}.
 */
final class LayerSpecParser
{
    static final List<String> KINDS = List.of("dense", "conv", "deconv", "batchnorm", "activation", "reshape", "flatten");
    static final List<String> ACTIVATIONS = List.of("relu", "leaky-relu", "tanh", "identity");
    private static final Set<String> CONVOLUTION_KEYS = Set.of("filters", "kernel", "stride", "padding");
    private static final double DEFAULT_LEAK = 0.2;

    private final List<SpecProblem> problems = new ArrayList<>();

    /** The entries' specs, or null when any has a problem ({@link #problems()}). */
    List<LayerSpec> parse(String field, List<?> entries)
    {
        List<LayerSpec> layers = new ArrayList<>();
        if (entries.isEmpty()) {
            problems.add(new SpecProblem(field, "needs at least one layer"));
        }
        for (int i = 0; i < entries.size(); i++) {
            LayerSpec layer = entry(field + "[" + i + "]", entries.get(i));
            if (layer != null) {
                layers.add(layer);
            }
        }
        return problems.isEmpty() ? layers : null;
    }

    List<SpecProblem> problems()
    {
        return List.copyOf(problems);
    }

    private LayerSpec entry(String path, Object entry)
    {
        if (!(entry instanceof Map<?, ?> map) || map.size() != 1) {
            problems.add(new SpecProblem(path, "a layer is a map with one key, its kind (one of " + String.join(", ", KINDS) + "), got "
                    + entry));
            return null;
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        String kind = String.valueOf(only.getKey());
        Object value = only.getValue();
        String valuePath = path + "." + kind;
        return switch (kind) {
            case "dense" -> positive(valuePath, value, "the number of units").map(units -> (LayerSpec) new LayerSpec.DenseSpec(units,
                    Activation.identity())).orElse(null);
            case "conv", "deconv" -> convolution(valuePath, kind.equals("deconv"), value);
            case "batchnorm" -> empty(valuePath, value) ? new LayerSpec.BatchNormSpec() : null;
            case "activation" -> activation(valuePath, value);
            case "reshape" -> reshape(valuePath, value);
            case "flatten" -> empty(valuePath, value) ? new LayerSpec.ReshapeSpec(null) : null;
            default -> {
                problems.add(new SpecProblem(path, unknown("layer", kind, KINDS)));
                yield null;
            }
        };
    }

    private LayerSpec convolution(String path, boolean transposed, Object value)
    {
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new SpecProblem(path, "expected a map of filters, kernel, stride (default 1) and padding (default 0), got "
                    + value));
            return null;
        }
        int before = problems.size();
        for (Object key : map.keySet()) {
            if (!CONVOLUTION_KEYS.contains(String.valueOf(key))) {
                problems.add(new SpecProblem(path + "." + key, unknown("key", String.valueOf(key), List.of("filters", "kernel", "stride",
                        "padding"))));
            }
        }
        Function<String, Long> required = key -> map.containsKey(key)
                ? positive(path + "." + key, map.get(key), "a positive integer").orElse(null)
                : missing(path + "." + key);
        Long filters = required.apply("filters");
        Long kernel = required.apply("kernel");
        Long stride = map.containsKey("stride") ? positive(path + ".stride", map.get("stride"), "a positive integer").orElse(null) : 1L;
        Long padding = map.containsKey("padding") ? nonNegative(path + ".padding", map.get("padding")) : 0L;
        if (problems.size() > before || filters == null || kernel == null || stride == null || padding == null) {
            return null;
        }
        if (kernel < stride) {
            problems.add(new SpecProblem(path + ".kernel", "must be at least the stride " + stride + " (got " + kernel + ")"));
            return null;
        }
        return new LayerSpec.ConvolutionSpec(transposed, Math.toIntExact(filters), Math.toIntExact(kernel), Math.toIntExact(stride),
                Math.toIntExact(padding));
    }

    private LayerSpec activation(String path, Object value)
    {
        String name;
        double leak = DEFAULT_LEAK;
        if (value instanceof Map<?, ?> map) {
            name = String.valueOf(map.get("type"));
            for (Object key : map.keySet()) {
                if (!key.equals("type") && !key.equals("leak")) {
                    problems.add(new SpecProblem(path + "." + key, unknown("key", String.valueOf(key), List.of("type", "leak"))));
                    return null;
                }
            }
            if (map.containsKey("leak")) {
                if (!(map.get("leak") instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() < 1)) {
                    problems.add(new SpecProblem(path + ".leak", "must be in [0, 1) (got " + map.get("leak") + ")"));
                    return null;
                }
                leak = number.doubleValue();
            }
        }
        else {
            name = String.valueOf(value);
        }
        return switch (name) {
            case "relu" -> new LayerSpec.ActivationSpec(Activation.relu());
            case "leaky-relu" -> new LayerSpec.ActivationSpec(Activation.leakyRelu(leak));
            case "tanh" -> new LayerSpec.ActivationSpec(Activation.tanh());
            case "identity" -> new LayerSpec.ActivationSpec(Activation.identity());
            default -> {
                problems.add(new SpecProblem(path, unknown("activation", name, ACTIVATIONS)));
                yield null;
            }
        };
    }

    private LayerSpec reshape(String path, Object value)
    {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            problems.add(new SpecProblem(path, "expected the shape to reshape to, e.g. [128, 7, 7], got " + value));
            return null;
        }
        long[] shape = new long[list.size()];
        for (int i = 0; i < shape.length; i++) {
            Long dimension = positive(path + "[" + i + "]", list.get(i), "a positive integer").orElse(null);
            if (dimension == null) {
                return null;
            }
            shape[i] = dimension;
        }
        return new LayerSpec.ReshapeSpec(shape);
    }

    private boolean empty(String path, Object value)
    {
        if (value == null || value instanceof Map<?, ?> map && map.isEmpty()) {
            return true;
        }
        problems.add(new SpecProblem(path, "takes no settings: write {} (got " + value + ")"));
        return false;
    }

    private Optional<Long> positive(String path, Object value, String what)
    {
        if (value instanceof Long number && number > 0 && number <= Integer.MAX_VALUE) {
            return Optional.of(number);
        }
        if (value instanceof Integer number && number > 0) {
            return Optional.of(number.longValue());
        }
        problems.add(new SpecProblem(path, "expected " + what + ", got " + value));
        return Optional.empty();
    }

    private Long nonNegative(String path, Object value)
    {
        if (value instanceof Number number && (value instanceof Long || value instanceof Integer) && number.longValue() >= 0
                && number.longValue() <= Integer.MAX_VALUE) {
            return number.longValue();
        }
        problems.add(new SpecProblem(path, "expected an integer >= 0, got " + value));
        return null;
    }

    private Long missing(String path)
    {
        problems.add(new SpecProblem(path, "is required"));
        return null;
    }

    /** "unknown layer 'cov' (did you mean 'conv'? known: ...)". */
    static String unknown(String what, String name, List<String> known)
    {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate);
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        String hint = closest != null && best <= Math.max(1, closest.length() / 3) ? "did you mean '" + closest + "'? " : "";
        return "unknown " + what + " '" + name + "' (" + hint + "known: " + String.join(", ", known) + ")";
    }

    private static int distance(String a, String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
