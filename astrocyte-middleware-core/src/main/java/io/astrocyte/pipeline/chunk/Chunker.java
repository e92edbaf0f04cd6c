package io.astrocyte.pipeline.chunk;

import java.util.List;

/** Splits normalized content into the pieces that become separate memories (SPEC §5.1 step 2). */
@FunctionalInterface
public interface Chunker {

    /** Non-empty chunks in reading order; a text that fits in one chunk comes back whole. */
    List<String> chunk(String text);
}
