package io.astrocyte.pipeline.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Windows of at most {@code maxSize} characters, each starting {@code overlap} characters before the
 * previous one ended; cuts prefer the last whitespace in the window so words stay whole.
 */
public final class FixedChunker implements Chunker {

    private final int maxSize;
    private final int overlap;

    public FixedChunker(int maxSize, int overlap) {
        if (maxSize <= 0 || overlap < 0 || overlap >= maxSize) {
            throw new IllegalArgumentException("need maxSize > 0 and 0 <= overlap < maxSize");
        }
        this.maxSize = maxSize;
        this.overlap = overlap;
    }

    @Override
    public List<String> chunk(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        while (start < n) {
            int end = Math.min(n, start + maxSize);
            if (end < n) {
                int space = text.lastIndexOf(' ', end);
                if (space > start + maxSize / 2) {
                    end = space;
                }
            }
            String piece = text.substring(start, end).strip();
            if (!piece.isEmpty()) {
                out.add(piece);
            }
            if (end >= n) {
                break;
            }
            int next = end - overlap;
            start = next > start ? next : end;
        }
        return out;
    }
}
