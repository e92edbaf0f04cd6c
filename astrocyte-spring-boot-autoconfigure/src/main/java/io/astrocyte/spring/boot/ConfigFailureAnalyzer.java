package io.astrocyte.spring.boot;

import io.astrocyte.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an Astrocyte configuration error, however deep in a bean-creation chain, into Spring Boot's
 * "APPLICATION FAILED TO START" report: the key, what is wrong with it, and what to do.
 */
public class ConfigFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
        String message = cause.getMessage();
        String action = message.contains("did you mean")
                ? "Rename the property as suggested, or remove it. The astrocyte.* keys are listed in the README "
                        + "(Spring Boot) and offered by your IDE from the starter's metadata."
                : "Correct the astrocyte.* property (or the astrocyte.yaml entry) named above. The astrocyte.* keys "
                        + "are listed in the README (Spring Boot) and offered by your IDE from the starter's metadata.";
        return new FailureAnalysis("Astrocyte configuration error: " + message, action, cause);
    }
}
