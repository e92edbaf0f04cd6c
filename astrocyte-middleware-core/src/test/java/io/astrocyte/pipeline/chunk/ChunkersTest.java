package io.astrocyte.pipeline.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.api.ContentType;
import io.astrocyte.config.ChunkerConfig;
import io.astrocyte.pipeline.ContentNormalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkersTest {

    @Test
    void shortTextIsOneChunk() {
        assertThat(new SentenceChunker(512, 50).chunk("One. Two!")).containsExactly("One. Two!");
    }

    @Test
    void sentencesPackUpToTheLimitAndOverlapCarriesTheLastSentence() {
        String text = "Alpha sentence one. Beta sentence two. Gamma sentence three. Delta sentence four.";
        List<String> chunks = new SentenceChunker(45, 25).chunk(text);
        assertThat(chunks).containsExactly(
                "Alpha sentence one. Beta sentence two.",
                "Beta sentence two. Gamma sentence three.",
                "Gamma sentence three. Delta sentence four.");
        assertThat(chunks).allMatch(c -> c.length() <= 45);
    }

    @Test
    void withoutOverlapNothingRepeats() {
        List<String> chunks = new SentenceChunker(40, 0).chunk("Aaa aaa aaa. Bbb bbb bbb. Ccc ccc ccc. Ddd ddd ddd.");
        assertThat(String.join(" ", chunks)).isEqualTo("Aaa aaa aaa. Bbb bbb bbb. Ccc ccc ccc. Ddd ddd ddd.");
    }

    @Test
    void aSentenceLongerThanTheLimitIsSplitAtWordsWithOverlap() {
        String longSentence = "word ".repeat(60).strip();
        List<String> chunks = new SentenceChunker(100, 20).chunk(longSentence);
        assertThat(chunks).hasSizeGreaterThan(2).allMatch(c -> c.length() <= 100 && !c.startsWith(" "));
        assertThat(chunks).allMatch(c -> c.matches("(word ?)+"));
    }

    @Test
    void fixedChunksOverlap() {
        List<String> chunks = new FixedChunker(10, 4).chunk("abcdefghijklmnopqrst");
        assertThat(chunks).containsExactly("abcdefghij", "ghijklmnop", "mnopqrst");
    }

    @Test
    void dialogueKeepsTurnsWholeIncludingContinuationLines() {
        String text = "Alice: Hi Bob.\nHow are you?\nBob: Fine thanks.\nAlice: Great.";
        List<String> chunks = new DialogueChunker(32, 0).chunk(text);
        assertThat(chunks).containsExactly("Alice: Hi Bob.\nHow are you?", "Bob: Fine thanks.\nAlice: Great.");
    }

    @Test
    void paragraphsPack() {
        List<String> chunks = new ParagraphChunker(30, 0).chunk("First paragraph.\n\nSecond one.\n\nA third paragraph here.");
        assertThat(chunks).containsExactly("First paragraph.\n\nSecond one.", "A third paragraph here.");
    }

    @Test
    void contentTypeSelectsTheDefaultChunker() {
        assertThat(Chunkers.forContent(ContentType.CONVERSATION, ChunkerConfig.DEFAULT)).isInstanceOf(DialogueChunker.class);
        assertThat(Chunkers.forContent(ContentType.TEXT, ChunkerConfig.DEFAULT)).isInstanceOf(SentenceChunker.class);
        assertThat(Chunkers.forContent(ContentType.TEXT, new ChunkerConfig("fixed", 100, 10)))
                .isInstanceOf(FixedChunker.class);
    }

    @Test
    void normalizationCleansLineEndingsBlankRunsAndEmailParts() {
        assertThat(ContentNormalizer.normalize("\uFEFFa  \r\nb\r\n\r\n\r\n\r\nc", ContentType.TEXT))
                .isEqualTo("a\nb\n\nc");
        String email = "From: alice@example.com\nSubject: Lunch\n\nLet's meet at noon.\n-- \nAlice\nCEO";
        assertThat(ContentNormalizer.normalize(email, ContentType.EMAIL)).isEqualTo("Let's meet at noon.");
    }
}
