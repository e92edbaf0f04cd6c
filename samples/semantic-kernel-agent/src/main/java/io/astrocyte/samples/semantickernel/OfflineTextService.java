package io.astrocyte.samples.semantickernel;

import com.microsoft.semantickernel.Kernel;
import com.microsoft.semantickernel.orchestration.FunctionResultMetadata;
import com.microsoft.semantickernel.orchestration.PromptExecutionSettings;
import com.microsoft.semantickernel.services.StreamingTextContent;
import com.microsoft.semantickernel.services.textcompletion.TextContent;
import com.microsoft.semantickernel.services.textcompletion.TextGenerationService;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A deterministic stand-in for a text model, so the sample runs offline without an API key. It is not a
 * language model: it answers from the memory lines ({@code "- …"}) the Astrocyte hooks put into the prompt,
 * or says that it remembers nothing.
 */
final class OfflineTextService implements TextGenerationService {

    @Override
    public Mono<List<TextContent>> getTextContentsAsync(String prompt, PromptExecutionSettings settings,
            Kernel kernel) {
        List<String> memories = new ArrayList<>();
        for (String line : prompt.split("\n")) {
            if (line.startsWith("- ")) {
                memories.add(line.substring(2).strip());
            }
        }
        String answer = memories.isEmpty() ? "I don't remember anything about that yet."
                : "From what I remember: " + String.join("; ", memories) + ".";
        return Mono.just(List.of(new TextContent(answer, getModelId(), FunctionResultMetadata.empty())));
    }

    @Override
    public Flux<StreamingTextContent> getStreamingTextContentsAsync(String prompt, PromptExecutionSettings settings,
            Kernel kernel) {
        return Flux.error(new UnsupportedOperationException("the offline stand-in does not stream"));
    }

    @Override
    public String getModelId() {
        return "offline-stand-in";
    }

    @Override
    public String getServiceId() {
        return "offline";
    }
}
