/**
 * Memory annotations for Spring beans: {@link io.astrocyte.spring.memory.MemoryScope} binds who a method
 * call is for, {@link io.astrocyte.spring.memory.Remember} retains a parameter or the result after success,
 * {@link io.astrocyte.spring.memory.Recall} injects recalled memories into a parameter. The starter applies
 * them through Spring AOP; every expression is parsed and checked when the bean is created, so a typo
 * fails startup instead of a later call.
 */
package io.astrocyte.spring.memory;
