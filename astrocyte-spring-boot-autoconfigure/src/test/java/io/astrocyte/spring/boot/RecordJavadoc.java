package io.astrocyte.spring.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code @param} descriptions of records, read from their Javadoc in the source files: what the IDE
 * metadata of the {@code astrocyte.*} keys is generated from, so a key is described once, where it is defined.
 */
final class RecordJavadoc {

    /** A Javadoc comment followed by a record declaration (annotations and modifiers allowed in between). */
    private static final Pattern RECORD = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*(?:public\\s+|static\\s+|final\\s+)*record\\s+(\\w+)",
            Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+((?:(?!\\s@\\w).)*)", Pattern.DOTALL);

    private final Path sourceRoot;
    private final Map<String, Map<String, String>> byRecord = new HashMap<>();

    /** @param sourceRoot the {@code src/main/java} folder holding the records' sources */
    RecordJavadoc(Path sourceRoot) {
        this.sourceRoot = sourceRoot;
    }

    /** The description of a record component, or {@code null} when its Javadoc has none. */
    String describe(RecordComponent component) {
        Class<?> record = component.getDeclaringRecord();
        Class<?> top = record;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path file = sourceRoot.resolve(top.getName().replace('.', '/') + ".java");
        String key = file + "#" + record.getSimpleName();
        if (!byRecord.containsKey(key)) {
            read(file);
        }
        return byRecord.getOrDefault(key, Map.of()).get(component.getName());
    }

    private void read(Path file) {
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " for its Javadoc", e);
        }
        Matcher m = RECORD.matcher(source);
        while (m.find()) {
            Map<String, String> params = new HashMap<>();
            Matcher p = PARAM.matcher(m.group(1));
            while (p.find()) {
                params.put(p.group(1), clean(p.group(2)));
            }
            byRecord.put(file + "#" + m.group(2), params);
        }
    }

    /** One line of plain text: no comment stars, {@code {@code x}} as x, one space between words. */
    static String clean(String javadoc) {
        String text = javadoc.replaceAll("\\n\\s*\\*", " ").replaceAll("\\{@(?:code|link|linkplain|literal)\\s+([^}]*)}",
                "$1").replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
        return text.endsWith(".") ? text : text + ".";
    }
}
