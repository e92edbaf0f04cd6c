package io.astrocyte.identity;

/** The kind of actor behind a principal (SPEC §2.1). */
public enum ActorType {
    USER, AGENT, SERVICE
}
