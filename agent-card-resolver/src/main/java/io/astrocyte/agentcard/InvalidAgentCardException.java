package io.astrocyte.agentcard;

import io.astrocyte.InvalidRequestException;

/** An agent card that cannot be read or lacks what identity needs (name, provider organization). */
public class InvalidAgentCardException extends InvalidRequestException {

    public InvalidAgentCardException(String field, String message) {
        super(field, message);
    }

    public InvalidAgentCardException(String message, Throwable cause) {
        super(null, message);
        initCause(cause);
    }
}
