package io.astrocyte.pipeline;

import io.astrocyte.api.ContentType;
import java.util.regex.Pattern;

/**
 * Cleans content before chunking (SPEC §5.1 step 1): strips a byte-order mark, turns CRLF and CR into LF,
 * trims trailing spaces, collapses runs of blank lines, and for e-mail drops the header block and the
 * signature after a {@code "-- "} line.
 */
public final class ContentNormalizer {

    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");
    private static final Pattern EMAIL_HEADER = Pattern.compile(
            "(?i)^(from|to|cc|bcc|subject|date|reply-to|message-id|sent|received|mime-version|content-type):.*");

    private ContentNormalizer() {
    }

    public static String normalize(String content, ContentType type) {
        String text = content;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (type == ContentType.EMAIL) {
            text = stripEmail(text);
        }
        text = TRAILING_SPACE.matcher(text).replaceAll("\n");
        text = BLANK_RUNS.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    private static String stripEmail(String text) {
        String[] lines = text.split("\n", -1);
        int start = 0;
        while (start < lines.length && EMAIL_HEADER.matcher(lines[start]).matches()) {
            start++;
        }
        StringBuilder body = new StringBuilder();
        for (int i = start; i < lines.length; i++) {
            if (lines[i].equals("-- ") || lines[i].equals("--")) {
                break;
            }
            body.append(lines[i]).append('\n');
        }
        return body.toString();
    }
}
