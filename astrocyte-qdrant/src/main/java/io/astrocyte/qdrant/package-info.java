/**
 * Qdrant as Astrocyte's store ({@code vector_store: qdrant}): one collection per embedding space with a named
 * dense vector and a sparse BM25 vector, every memory a point whose payload carries the bank, text, tags,
 * fact type, times and metadata. {@link io.astrocyte.qdrant.QdrantVectorStore} is the entry point.
 */
package io.astrocyte.qdrant;
