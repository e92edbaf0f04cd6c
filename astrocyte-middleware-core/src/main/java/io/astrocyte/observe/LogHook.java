package io.astrocyte.observe;

import io.astrocyte.api.MemoryEvent;
import io.astrocyte.config.HookConfig;
import io.astrocyte.spi.MemoryEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code log} hook: one INFO line per event on the {@code astrocyte.hooks} logger. */
public final class LogHook implements MemoryEventListener {

    private static final Logger LOG = LoggerFactory.getLogger("astrocyte.hooks");

    private final HookConfig config;

    public LogHook(HookConfig config) {
        this.config = config;
    }

    @Override
    public boolean includeContent() {
        return config.includeContent();
    }

    @Override
    public void onEvent(MemoryEvent event) {
        if (config.events().contains(event.type())) {
            LOG.info("{} id={} bank={} data={}", event.type(), event.eventId(), event.bankId(), event.data());
        }
    }
}
