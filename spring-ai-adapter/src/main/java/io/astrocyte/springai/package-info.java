/**
 * Astrocyte for Spring AI: the memory advisor, a {@code DocumentRetriever}, a {@code VectorStore} view,
 * a {@code ChatMemoryRepository}, memory tools and model bridges. Every class only translates between
 * Spring AI's types and the {@link io.astrocyte.Astrocyte} facade.
 */
package io.astrocyte.springai;
