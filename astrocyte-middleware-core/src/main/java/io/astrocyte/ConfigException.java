package io.astrocyte;

/** Invalid configuration or an invalid argument (SPEC `ConfigError`, HTTP 400). The message names the offending key or field. */
public class ConfigException extends AstrocyteException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int httpStatus() {
        return 400;
    }
}
