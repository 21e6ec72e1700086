package io.minimax.testkit;

import io.minimax.spi.Param;
import io.minimax.spi.PluginSpec;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds a spec the way the framework does: every key the test does not set takes its {@link Param} default.
 * Understands the scalar types these plugins use and lists of integers ({@code [128, 128]}); a required key must be given.
 */
public final class SpecDefaults
{
    private SpecDefaults() {}

    public static <S extends PluginSpec> S build(Class<S> specClass, Map<String, Object> given)
    {
        RecordComponent[] components = specClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            if (given.containsKey(component.getName())) {
                values[i] = given.get(component.getName());
                continue;
            }
            String text = component.getAnnotation(Param.class).defaultValue();
            if (text.equals(Param.REQUIRED)) {
                throw new IllegalArgumentException(specClass.getSimpleName() + "." + component.getName() + " is required");
            }
            values[i] = parse(component.getGenericType(), text);
        }
        try {
            return specClass.getDeclaredConstructor(types).newInstance(values);
        }
        catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Type type, String text)
    {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class
                && list.getActualTypeArguments()[0] == Integer.class) {
            String elements = text.strip().replaceFirst("^\\[", "").replaceFirst("]$", "").strip();
            return elements.isEmpty() ? List.of() : Arrays.stream(elements.split(",")).map(element -> Integer.parseInt(element.strip()))
                    .toList();
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class) {
            return Long.parseLong(text);
        }
        if (type == double.class) {
            return Double.parseDouble(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            return text;
        }
        throw new IllegalArgumentException("no default parser for " + type);
    }
}
