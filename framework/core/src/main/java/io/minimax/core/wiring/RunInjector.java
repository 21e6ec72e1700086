package io.minimax.core.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;

import java.util.ArrayList;
import java.util.List;

/** Builds the one injector of a run, strict as airlift's: explicit bindings only, no circular proxies, eager singletons. */
public final class RunInjector
{
    private RunInjector() {}

    public static Injector create(Module... modules)
    {
        List<Module> all = new ArrayList<>(List.of(modules));
        all.add(binder -> {
            binder.requireExplicitBindings();
            binder.disableCircularProxies();
        });
        return Guice.createInjector(Stage.PRODUCTION, all);
    }
}
