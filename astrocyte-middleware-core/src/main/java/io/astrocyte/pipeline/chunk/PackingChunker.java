package io.astrocyte.pipeline.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs units (sentences, paragraphs, dialogue turns) greedily into chunks of at most {@code maxSize}
 * characters. A chunk after the first starts with the trailing units of the previous chunk that fit in
 * {@code overlap} characters, so context carries across the cut. A unit longer than {@code maxSize} is
 * split with {@link FixedChunker}.
 */
abstract class PackingChunker implements Chunker {

    private final int maxSize;
    private final int overlap;
    private final String joiner;
    private final FixedChunker oversize;

    PackingChunker(int maxSize, int overlap, String joiner) {
        this.maxSize = maxSize;
        this.overlap = overlap;
        this.joiner = joiner;
        this.oversize = new FixedChunker(maxSize, overlap);
    }

    /** The units of the text, in order; blank units are ignored. */
    abstract List<String> units(String text);

    @Override
    public final List<String> chunk(String text) {
        List<String> units = new ArrayList<>();
        for (String u : units(text)) {
            String s = u.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.length() > maxSize) {
                units.addAll(oversize.chunk(s));
            } else {
                units.add(s);
            }
        }
        List<String> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        int carried = 0; // units at the head of `current` that repeat the previous chunk
        for (String unit : units) {
            int added = current.isEmpty() ? unit.length() : joiner.length() + unit.length();
            if (length + added > maxSize && current.size() > carried) {
                chunks.add(String.join(joiner, current));
                List<String> tail = tail(current);
                current = new ArrayList<>(tail);
                carried = tail.size();
                length = joinedLength(current);
                added = current.isEmpty() ? unit.length() : joiner.length() + unit.length();
                if (length + added > maxSize) {
                    current.clear();
                    carried = 0;
                    length = 0;
                    added = unit.length();
                }
            }
            current.add(unit);
            length += added;
        }
        if (current.size() > carried) {
            chunks.add(String.join(joiner, current));
        }
        return chunks;
    }

    private List<String> tail(List<String> units) {
        List<String> tail = new ArrayList<>();
        int length = 0;
        for (int i = units.size() - 1; i > 0; i--) {
            int l = units.get(i).length() + (tail.isEmpty() ? 0 : joiner.length());
            if (length + l > overlap) {
                break;
            }
            tail.add(0, units.get(i));
            length += l;
        }
        return tail;
    }

    private int joinedLength(List<String> units) {
        int l = 0;
        for (String u : units) {
            l += u.length();
        }
        return l + Math.max(0, units.size() - 1) * joiner.length();
    }
}
