package io.astrocyte.lifecycle;

import io.astrocyte.InvalidRequestException;

/** An export or import path outside the allowed roots, or with control characters (SPEC §1.8, HTTP 422). */
public class PathNotAllowedException extends InvalidRequestException {

    public PathNotAllowedException(String message) {
        super("path", message);
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
