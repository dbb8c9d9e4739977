package org.hainstall.app;

import com.google.inject.Injector;
import java.util.Collection;
import java.util.Map;
import picocli.CommandLine;

/**
 * picocli's factory: commands and mixins come from the injector; the collections picocli creates for repeatable
 * options ({@code --set}) come from picocli's own factory, since Guice knows no implementation of {@code List}.
 */
final class GuiceFactory implements CommandLine.IFactory {
    private final Injector injector;

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
            return CommandLine.defaultFactory().create(type);
        }
        return injector.getInstance(type);
    }
}
