package io.astrocyte.semantickernel;

import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.orchestration.FunctionResultMetadata;
import com.microsoft.semantickernel.orchestration.PromptExecutionSettings;
import com.microsoft.semantickernel.services.StreamingTextContent;
import com.microsoft.semantickernel.services.textcompletion.TextContent;
import com.microsoft.semantickernel.services.textcompletion.TextGenerationService;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Test double: a deterministic text-generation service that records every rendered prompt and answers
 * {@code ECHO: <last line of the prompt>}.
 */
final class EchoTextService implements TextGenerationService {

    final List<String> prompts = new CopyOnWriteArrayList<>();

    String lastPrompt() {
        return prompts.get(prompts.size() - 1);
    }

    @Override
    public Mono<List<TextContent>> getTextContentsAsync(String prompt, PromptExecutionSettings settings,
            Kernel kernel) {
        prompts.add(prompt);
        String[] lines = prompt.strip().split("\n");
        return Mono.just(List.of(new TextContent("ECHO: " + lines[lines.length - 1], "echo",
                FunctionResultMetadata.empty())));
    }

    @Override
    public Flux<StreamingTextContent> getStreamingTextContentsAsync(String prompt, PromptExecutionSettings settings,
            Kernel kernel) {
        return Flux.error(new UnsupportedOperationException("not used by these tests"));
    }

    @Override
    public String getModelId() {
        return "echo";
    }

    @Override
    public String getServiceId() {
        return "echo";
    }
}
