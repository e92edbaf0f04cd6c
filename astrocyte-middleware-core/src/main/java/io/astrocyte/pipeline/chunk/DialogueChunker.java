package io.astrocyte.pipeline.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps {@code speaker: text} turns whole: a line that starts with a speaker label opens a turn, and
 * lines without one continue the current turn. Turns are packed into chunks.
 */
public final class DialogueChunker extends PackingChunker {

    private static final Pattern SPEAKER = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} ._'-]{0,40}:\\s.*");

    public DialogueChunker(int maxSize, int overlap) {
        super(maxSize, overlap, "\n");
    }

    @Override
    List<String> units(String text) {
        List<String> turns = new ArrayList<>();
        StringBuilder turn = new StringBuilder();
        for (String line : text.split("\n")) {
            if (SPEAKER.matcher(line).matches() && turn.length() > 0) {
                turns.add(turn.toString());
                turn.setLength(0);
            }
            if (turn.length() > 0) {
                turn.append('\n');
            }
            turn.append(line);
        }
        if (turn.length() > 0) {
            turns.add(turn.toString());
        }
        return turns;
    }
}
