package io.astrocyte.langchain4j;

import io.astrocyte.integration.MemoryPreamble;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.RetrievalAugmentor;
import dev.langchain4j.rag.content.injector.DefaultContentInjector;
import java.util.List;
import java.util.Objects;

/**
 * A {@link RetrievalAugmentor} that adds what Astrocyte remembers to the user message, under a clear
 * heading, before the model sees it. Recall goes through an {@link AstrocyteContentRetriever}, so its
 * binding rules, result count and token budget apply; nothing is added when nothing relevant is found.
 *
 * <pre>{@code
 * RetrievalAugmentor memory = AstrocyteRetrievalAugmentor.builder(
 *         AstrocyteContentRetriever.builder(brain).resolver(resolver).maxTokens(800).build()).build();
 * AiServices.builder(Assistant.class).chatModel(model).retrievalAugmentor(memory).build();
 * }</pre>
 *
 * <p>The template must contain {@code {{userMessage}}} and {@code {{contents}}}; each memory is rendered
 * as its text followed by the metadata keys chosen with {@link Builder#metadataKeys} (by default its
 * {@code occurred_at}, so the model can reason about time).
 */
public final class AstrocyteRetrievalAugmentor implements RetrievalAugmentor {

    /** The default wording: the user's message, then the memories as context, not as instructions. */
    public static final String DEFAULT_TEMPLATE = "{{userMessage}}\n\n" + MemoryPreamble.HEADER + "\n{{contents}}";

    private final RetrievalAugmentor delegate;

    private AstrocyteRetrievalAugmentor(Builder b) {
        this.delegate = DefaultRetrievalAugmentor.builder()
                .contentRetriever(b.retriever)
                .contentInjector(DefaultContentInjector.builder()
                        .promptTemplate(PromptTemplate.from(b.template))
                        .metadataKeysToInclude(b.metadataKeys)
                        .build())
                .build();
    }

    public static Builder builder(AstrocyteContentRetriever retriever) {
        return new Builder(retriever);
    }

    @Override
    public AugmentationResult augment(AugmentationRequest request) {
        return delegate.augment(request);
    }

    /** Settings of an {@link AstrocyteRetrievalAugmentor}. */
    public static final class Builder {
        private final AstrocyteContentRetriever retriever;
        private String template = DEFAULT_TEMPLATE;
        private List<String> metadataKeys = List.of(AstrocyteContentRetriever.OCCURRED_AT);

        private Builder(AstrocyteContentRetriever retriever) {
            this.retriever = Objects.requireNonNull(retriever, "retriever");
        }

        /** The injection template, with {@code {{userMessage}}} and {@code {{contents}}}. */
        public Builder template(String value) {
            Objects.requireNonNull(value, "template");
            if (!value.contains("{{userMessage}}") || !value.contains("{{contents}}")) {
                throw new IllegalArgumentException("the template must contain {{userMessage}} and {{contents}}");
            }
            this.template = value;
            return this;
        }

        /** Metadata keys of each memory to show the model (see {@link AstrocyteContentRetriever}). */
        public Builder metadataKeys(List<String> value) {
            this.metadataKeys = List.copyOf(value);
            return this;
        }

        public AstrocyteRetrievalAugmentor build() {
            return new AstrocyteRetrievalAugmentor(this);
        }
    }
}
