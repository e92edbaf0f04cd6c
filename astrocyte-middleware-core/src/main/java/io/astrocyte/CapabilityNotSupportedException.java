package io.astrocyte;

/** A provider cannot do what was asked (SPEC {@code CapabilityNotSupported}, HTTP 501). */
public class CapabilityNotSupportedException extends AstrocyteException {

    private final String provider;
    private final String capability;

    public CapabilityNotSupportedException(String provider, String capability) {
        super(provider + " does not support " + capability);
        this.provider = provider;
        this.capability = capability;
    }

    public String provider() {
        return provider;
    }

    public String capability() {
        return capability;
    }

    @Override
    public int httpStatus() {
        return 501;
    }
}
