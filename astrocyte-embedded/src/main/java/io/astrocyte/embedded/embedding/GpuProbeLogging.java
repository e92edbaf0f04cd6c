package io.astrocyte.embedded.embedding;

import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quiets DJL's GPU probe. Loading the tokenizer makes DJL ask the CUDA runtime, when one is installed,
 * how many GPUs there are; on a machine with the runtime but no driver it logs "Failed to detect GPU
 * count" at WARN, twice, on every start. The embedder runs on the CPU build of ONNX Runtime, so the
 * answer never matters, and a new user reads the warning as a failure.
 *
 * <p>The level is raised to ERROR for that one logger only, and only where the application has not set
 * a level for it: through the system property slf4j-simple reads when the logger is created, through
 * Logback's API when Logback is the binding (looked up reflectively: Logback is not a dependency), and on
 * java.util.logging.
 */
final class GpuProbeLogging {

    static final String LOGGER = "ai.djl.util.cuda.CudaUtils";

    // java.util.logging keeps loggers weakly: hold the one configured here.
    private static java.util.logging.Logger julLogger;

    private GpuProbeLogging() {
    }

    /** Call before DJL's CUDA probe class is first used. */
    static synchronized void quiet() {
        String simpleKey = "org.slf4j.simpleLogger.log." + LOGGER;
        if (System.getProperty(simpleKey) == null) {
            System.setProperty(simpleKey, "error");
        }
        if (julLogger == null) {
            julLogger = java.util.logging.Logger.getLogger(LOGGER);
            if (julLogger.getLevel() == null) {
                julLogger.setLevel(java.util.logging.Level.SEVERE);
            }
        }
        quietLogback(LoggerFactory.getLogger(LOGGER));
    }

    private static void quietLogback(Logger logger) {
        Class<?> type = logger.getClass();
        if (!type.getName().equals("ch.qos.logback.classic.Logger")) {
            return;
        }
        try {
            if (type.getMethod("getLevel").invoke(logger) != null) {
                return;
            }
            Class<?> level = Class.forName("ch.qos.logback.classic.Level", false, type.getClassLoader());
            Method setLevel = type.getMethod("setLevel", level);
            setLevel.invoke(logger, level.getField("ERROR").get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // An unexpected Logback version: the warning stays, nothing else changes.
        }
    }
}
