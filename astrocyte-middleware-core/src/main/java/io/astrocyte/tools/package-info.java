/**
 * Memory as tools a model calls, independent of any framework: {@link io.astrocyte.tools.MemoryToolOperations}
 * runs retain / recall / reflect / forget for a resolved binding and answers in short text a model can read.
 * The LangChain4j, Spring AI and Semantic Kernel adapters expose these operations with their own tool
 * annotations, so every framework offers the same tools with the same wording.
 */
package io.astrocyte.tools;
