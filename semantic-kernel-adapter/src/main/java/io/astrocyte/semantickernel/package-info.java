/**
 * Governed long-term memory for Semantic Kernel for Java: {@link io.astrocyte.semantickernel.AstrocytePlugin}
 * exposes retain / recall / reflect (and, opt-in, forget) as kernel functions, and
 * {@link io.astrocyte.semantickernel.AstrocyteKernelHooks} recalls memory into prompts and retains results.
 * Every call goes through the Astrocyte facade and its policy layer.
 */
package io.astrocyte.semantickernel;
