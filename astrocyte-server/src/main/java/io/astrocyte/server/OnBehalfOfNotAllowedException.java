package io.astrocyte.server;

import io.astrocyte.AstrocyteException;

/**
 * A request named an {@code X-On-Behalf-Of} principal its credential may not act for (403). The credential is
 * valid, so this is not a 401; nothing about other principals is revealed.
 */
public class OnBehalfOfNotAllowedException extends AstrocyteException {

    public OnBehalfOfNotAllowedException(String principal, String onBehalfOf) {
        super(principal + " may not act on behalf of " + onBehalfOf);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
