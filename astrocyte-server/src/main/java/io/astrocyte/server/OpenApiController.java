package io.astrocyte.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the server's own OpenAPI 3.1 document at {@code /openapi.json} (where the upstream gateway's clients look
 * for one), read once from {@code openapi/astrocyte-server.yaml}. Tests check that it lists exactly the routes the
 * server maps and that real responses validate against it.
 */
@RestController
public class OpenApiController {

    static final String RESOURCE = "/openapi/astrocyte-server.yaml";

    private final Map<String, Object> document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> doc = new ObjectMapper(new YAMLFactory()).readValue(in, Map.class);
            this.document = doc;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @GetMapping("/openapi.json")
    public Map<String, Object> openapi() {
        return document;
    }
}
