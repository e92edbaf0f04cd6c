package io.astrocyte.api;

import io.astrocyte.InvalidRequestException;
import java.util.Locale;

/** What kind of content a retain carries; it selects normalization and the default chunker (SPEC §1.2). */
public enum ContentType {
    TEXT, CONVERSATION, TRANSCRIPT, DOCUMENT, EMAIL, EVENT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentType fromWire(String name) {
        for (ContentType t : values()) {
            if (t.wireName().equals(name)) {
                return t;
            }
        }
        throw new InvalidRequestException("content_type", "unknown content type '" + name + "'");
    }
}
