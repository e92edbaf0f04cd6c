package io.astrocyte.identity;

/** The kind of actor behind a principal (SPEC §2.1); {@code TEAM} names a group in grants and claims. */
public enum ActorType {
    USER, AGENT, SERVICE, TEAM
}
