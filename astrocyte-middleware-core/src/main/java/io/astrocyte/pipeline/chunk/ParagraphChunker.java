package io.astrocyte.pipeline.chunk;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits on blank lines and packs paragraphs, suited to documents. */
public final class ParagraphChunker extends PackingChunker {

    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    public ParagraphChunker(int maxSize, int overlap) {
        super(maxSize, overlap, "\n\n");
    }

    @Override
    List<String> units(String text) {
        return Arrays.asList(BLANK_LINE.split(text));
    }
}
