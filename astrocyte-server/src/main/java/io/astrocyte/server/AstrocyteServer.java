package io.astrocyte.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The memory server: {@code java -jar astrocyte-server.jar} serves REST {@code /v1} (the upstream gateway's contract)
 * on the embedded store in {@code ./astrocyte-data}; the {@code astrocyte.*} tree configures it as it does any app.
 */
@SpringBootApplication
@EnableConfigurationProperties(ServerProperties.class)
public class AstrocyteServer {

    public static void main(String[] args) {
        SpringApplication.run(AstrocyteServer.class, args);
    }
}
