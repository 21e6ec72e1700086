package io.minimax.cli;

import io.minimax.core.plugin.ExtensionPoint;
import io.minimax.core.plugin.PluginRegistry;
import io.minimax.spi.Param;
import io.minimax.spi.PluginFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.concurrent.Callable;

@Command(name = "plugins", description = "List every plugin per extension point, with its parameters, types and defaults.")
final class PluginsCommand
        implements Callable<Integer>
{
    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = pluginOptions.registry();
        for (ExtensionPoint<?> point : registry.extensionPoints()) {
            out.printf("%s (descriptor section: %s)%n", point.noun(), point.section());
            if (point.factories().isEmpty()) {
                out.println("  (none installed)");
            }
            for (PluginFactory<?> factory : point.factories().values()) {
                var plugin = registry.ownerOf(factory);
                out.printf("  %-16s %s  [%s %s]%n", factory.name(), factory.description(), plugin.getClass().getSimpleName(),
                        plugin.version());
                for (RecordComponent component : factory.specClass().getRecordComponents()) {
                    Param param = component.getAnnotation(Param.class);
                    String defaultValue = param == null || Param.REQUIRED.equals(param.defaultValue()) ? "required" : "default "
                            + param.defaultValue();
                    out.printf("      %-18s %-14s %-22s %s%n", component.getName(), typeName(component.getGenericType()), defaultValue,
                            param == null ? "" : param.description());
                }
            }
            out.println();
        }
        out.flush();
        return Main.SUCCESS;
    }

    private static String typeName(Type type)
    {
        if (type instanceof ParameterizedType parameterized) {
            return "list of " + typeName(parameterized.getActualTypeArguments()[0]);
        }
        if (type instanceof Class<?> cls) {
            return switch (cls.getSimpleName()) {
                case "int", "Integer", "long", "Long" -> "integer";
                case "double", "Double", "float", "Float" -> "number";
                case "boolean", "Boolean" -> "boolean";
                case "String" -> "text";
                default -> cls.getSimpleName();
            };
        }
        return type.getTypeName();
    }
}
