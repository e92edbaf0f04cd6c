package io.astrocyte;

import io.astrocyte.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds a provider factory through {@link ServiceLoader} by configured name, or by priority. */
final class ProviderDiscovery {

    private ProviderDiscovery() {
    }

    /**
     * @param name    the configured provider name, or {@code null} to take the highest non-negative priority
     * @param key     the config key that names this kind of provider, for error messages
     */
    static <T, F extends ProviderFactory<T>> T create(Class<F> type, String name, Map<String, Object> config,
            String key) {
        List<F> factories = new ArrayList<>();
        ServiceLoader.load(type, ProviderDiscovery.class.getClassLoader()).forEach(factories::add);
        factories.sort(Comparator.comparingInt((F f) -> -f.priority()).thenComparing(ProviderFactory::name));
        F chosen = null;
        if (name != null) {
            for (F f : factories) {
                if (f.name().equals(name)) {
                    chosen = f;
                    break;
                }
            }
            if (chosen == null) {
                throw new ConfigException(key + ": no provider named '" + name + "' on the classpath (found: "
                        + names(factories) + ")");
            }
        } else if (!factories.isEmpty() && factories.get(0).priority() >= 0) {
            chosen = factories.get(0);
        } else {
            throw new ConfigException(key + ": none configured and none found by default (found only: "
                    + names(factories) + "); add astrocyte-embedded to the classpath, name one in the config, "
                    + "or pass one to Astrocyte.builder()");
        }
        return chosen.create(config);
    }

    private static String names(List<? extends ProviderFactory<?>> factories) {
        List<String> names = new ArrayList<>();
        factories.forEach(f -> names.add(f.name()));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
