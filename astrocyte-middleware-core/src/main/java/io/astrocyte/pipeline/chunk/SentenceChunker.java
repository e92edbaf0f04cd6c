package io.astrocyte.pipeline.chunk;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The default chunker: splits after {@code . ! ?} followed by whitespace and packs sentences. */
public final class SentenceChunker extends PackingChunker {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    public SentenceChunker(int maxSize, int overlap) {
        super(maxSize, overlap, " ");
    }

    @Override
    List<String> units(String text) {
        return Arrays.asList(SENTENCE_END.split(text));
    }
}
