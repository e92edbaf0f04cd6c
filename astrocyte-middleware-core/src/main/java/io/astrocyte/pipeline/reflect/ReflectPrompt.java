package io.astrocyte.pipeline.reflect;

import io.astrocyte.api.Dispositions;
import io.astrocyte.api.MemoryHit;
import io.astrocyte.spi.Message;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The single-shot synthesis prompt of SPEC §5.3: a system message with the answering rules and the
 * disposition sentences, and a user message with the reference date, the numbered memories and the
 * question.
 */
public final class ReflectPrompt {

    static final String NOT_AVAILABLE = "This information is not available in my memories.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private ReflectPrompt() {
    }

    public static List<Message> build(String query, List<MemoryHit> memories, Dispositions d, Instant referenceDate) {
        return build(query, memories, d, referenceDate, null);
    }

    /**
     * @param style a bank's MIP reflect block: {@code temporal_aware} asks for dates and order to be weighed,
     *              {@code evidence_strict} for every claim to be backed by a memory; {@code promote_metadata} keys
     *              are shown with each memory that has them
     */
    public static List<Message> build(String query, List<MemoryHit> memories, Dispositions d, Instant referenceDate,
            io.astrocyte.routing.PipelineSpec.Reflect style) {
        StringBuilder system = new StringBuilder()
                .append("You answer questions using only the memories provided. ")
                .append("Cite the memories you rely on by their number, like [Memory 2]. ")
                .append("If the memories do not contain the answer, reply exactly: \"").append(NOT_AVAILABLE)
                .append("\"");
        disposition(system, d.skepticism(), "Be skeptical: point out weak, old or conflicting evidence.",
                "Take the memories at face value.");
        disposition(system, d.literalism(), "Answer only what the memories state literally; do not infer.",
                "You may draw reasonable inferences that connect the memories.");
        disposition(system, d.empathy(), "Acknowledge the person's feelings and circumstances where relevant.",
                "Keep to the facts; leave out emotional commentary.");
        String prompt = style == null ? null : style.prompt();
        if ("temporal_aware".equals(prompt)) {
            system.append(" Weigh when things happened: order events by their dates and resolve relative times"
                    + " (\"last week\") against the date of the memory that states them.");
        } else if ("evidence_strict".equals(prompt)) {
            system.append(" Back every statement with a cited memory; leave out anything no memory states.");
        }
        List<String> promoted = style == null || style.promoteMetadata() == null ? List.of() : style.promoteMetadata();

        StringBuilder user = new StringBuilder();
        if (referenceDate != null) {
            user.append("<reference_date>").append(DAY.format(referenceDate)).append("</reference_date>\n");
        }
        user.append("<memories>\n");
        int i = 1;
        for (MemoryHit m : memories) {
            user.append("[Memory ").append(i++).append("] (").append(m.factType() == null ? "world" : m.factType())
                    .append(")");
            Instant when = m.occurredAt() != null ? m.occurredAt() : m.retainedAt();
            if (when != null) {
                user.append(" [").append(DAY.format(when)).append("]");
            }
            StringBuilder extra = new StringBuilder();
            for (String key : promoted) {
                Object v = m.metadata().get(key);
                if (v != null) {
                    extra.append(extra.length() == 0 ? " {" : ", ").append(key).append('=').append(v);
                }
            }
            if (extra.length() > 0) {
                user.append(extra).append('}');
            }
            user.append(": ").append(m.text().replace('\n', ' ')).append('\n');
        }
        user.append("</memories>\n<query>").append(query).append("</query>");
        return List.of(Message.system(system.toString()), Message.user(user.toString()));
    }

    private static void disposition(StringBuilder sb, int level, String high, String low) {
        if (level >= 4) {
            sb.append(' ').append(high);
        } else if (level <= 2) {
            sb.append(' ').append(low);
        }
    }
}
