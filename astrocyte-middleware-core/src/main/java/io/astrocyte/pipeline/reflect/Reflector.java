package io.astrocyte.pipeline.reflect;

import io.astrocyte.api.Dispositions;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.api.ReflectRequest;
import io.astrocyte.api.ReflectResult;
import io.astrocyte.config.ReflectConfig;
import io.astrocyte.pipeline.TokenCounter;
import io.astrocyte.spi.Completion;
import io.astrocyte.spi.CompletionRequest;
import io.astrocyte.spi.LlmProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns recalled memories into an answer (SPEC §5.3). With an {@link LlmProvider} it sends the
 * {@link ReflectPrompt}; without one it answers extractively with citations. No hits always gives the
 * fixed {@link ReflectResult#NO_MEMORIES_ANSWER}.
 */
public final class Reflector {

    private static final int DEFAULT_ANSWER_TOKENS = 1024;

    private final LlmProvider llm;
    private final ReflectConfig config;
    private final Dispositions defaultDispositions;

    /** @param llm the model to synthesize with, or {@code null} for extractive answers */
    public Reflector(LlmProvider llm, ReflectConfig config, Dispositions defaultDispositions) {
        this.llm = llm;
        this.config = config;
        this.defaultDispositions = defaultDispositions;
    }

    /**
     * @param ranked     recalled hits, best first
     * @param maxTokens  cap on the answer, or {@code null}
     */
    public ReflectResult reflect(ReflectRequest request, List<MemoryHit> ranked, Integer maxTokens) {
        return reflect(request, ranked, maxTokens, null);
    }

    /** @param style a bank's MIP {@code reflect} block (prompt style, promoted metadata), or {@code null} */
    public ReflectResult reflect(ReflectRequest request, List<MemoryHit> ranked, Integer maxTokens,
            io.astrocyte.routing.PipelineSpec.Reflect style) {
        if (ranked.isEmpty()) {
            return new ReflectResult(ReflectResult.NO_MEMORIES_ANSWER, 0.0, request.includeSources() ? List.of() : null,
                    List.of("no memories matched"), null);
        }
        List<MemoryHit> top = ranked.subList(0, Math.min(config.maxSources(), ranked.size()));
        List<String> observations = new ArrayList<>();
        String answer;
        List<MemoryHit> sources;
        if (llm != null) {
            Dispositions d = request.dispositions() != null ? request.dispositions() : defaultDispositions;
            int answerTokens = maxTokens != null ? maxTokens : DEFAULT_ANSWER_TOKENS;
            Completion c = llm.complete(new CompletionRequest(
                    ReflectPrompt.build(request.query(), top, d, request.queryReferenceDate(), style), null, answerTokens,
                    config.temperature()));
            answer = c.text() == null ? "" : c.text().strip();
            sources = top;
            observations.add("synthesized by " + llm.name() + " from " + top.size() + " memories");
        } else {
            ExtractiveAnswerer.Answer a = ExtractiveAnswerer.answer(request.query(), top);
            answer = a.text();
            sources = a.cited();
            observations.add("extractive answer: no LLM configured");
        }
        if (maxTokens != null && TokenCounter.count(answer) > maxTokens) {
            answer = TokenCounter.truncate(answer, maxTokens);
            observations.add("answer truncated to " + maxTokens + " tokens");
        }
        return new ReflectResult(answer, top.get(0).score(), request.includeSources() ? sources : null, observations,
                null);
    }
}
