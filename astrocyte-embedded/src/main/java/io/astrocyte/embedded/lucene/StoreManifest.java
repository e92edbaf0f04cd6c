package io.astrocyte.embedded.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.ConfigException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code store.json} in the data folder: the embedding space an index was built for. Opening the folder
 * with another space is refused, because vectors of two models cannot be compared.
 */
record StoreManifest(int format, int dimension, String embeddingModel) {

    static final String FILE = "store.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the manifest, writing it first when the folder is new; throws on a space mismatch. */
    static StoreManifest ensure(Path dataDir, int dimension, String embeddingModel) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (Files.exists(file)) {
            Map<?, ?> m;
            try {
                m = JSON.readValue(file.toFile(), Map.class);
            } catch (IOException e) {
                throw new ConfigException("unreadable " + file + ": " + e.getMessage(), e);
            }
            StoreManifest existing = new StoreManifest(((Number) m.get("format")).intValue(),
                    ((Number) m.get("dimension")).intValue(), (String) m.get("embedding_model"));
            if (existing.dimension != dimension || !existing.embeddingModel.equals(embeddingModel)) {
                throw new ConfigException("data folder " + dataDir + " holds " + existing.dimension + "-d vectors of '"
                        + existing.embeddingModel + "', but the embedder is " + dimension + "-d '" + embeddingModel
                        + "'; use another data folder or the original embedder");
            }
            return existing;
        }
        StoreManifest created = new StoreManifest(1, dimension, embeddingModel);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", created.format);
        m.put("dimension", created.dimension);
        m.put("embedding_model", created.embeddingModel);
        Path tmp = dataDir.resolve(FILE + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return created;
    }
}
