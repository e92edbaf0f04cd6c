package io.astrocyte.integration;

import java.util.Locale;

/** What a completed conversation turn contributes to long-term memory, in every framework alike. */
public enum AutoRetainMode {
    /** Nothing. */
    OFF,
    /**
     * The sentences of the user's message that state something about the user; questions, requests and
     * small talk are dropped ({@link UserFacts}).
     */
    USER_FACTS,
    /** The user's whole message. */
    USER_MESSAGES,
    /** The model's final answer. */
    COMPLETIONS,
    /** Both, as one conversation memory ({@code User: …} / {@code Assistant: …}). */
    TURNS;

    /** The tag auto-retained memories carry besides {@code auto_retain}, e.g. {@code user_facts}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
