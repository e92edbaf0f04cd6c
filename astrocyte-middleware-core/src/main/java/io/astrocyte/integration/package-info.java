/**
 * What every framework adapter shares, so that an adapter only translates between its framework's types and
 * these: {@link io.astrocyte.integration.BoundMemory} (the facade for one resolved binding: recall, reflect,
 * and a quiet retain that never throws into the framework), {@link io.astrocyte.integration.AutoRetainMode}
 * and {@link io.astrocyte.integration.AutoRetainer} (which part of a completed turn is kept, in one format),
 * {@link io.astrocyte.integration.MemoryPreamble} (how recalled memories are introduced in a prompt),
 * {@link io.astrocyte.integration.ConversationFiles} (short-term chat windows on disk),
 * {@link io.astrocyte.integration.MemoryToolOperations} (the memory tools and their descriptions) and
 * {@link io.astrocyte.integration.MemoryComponentBuilder} (the settings every component shares).
 */
package io.astrocyte.integration;
