package io.astrocyte.agentcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.astrocyte.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated malformed and oversized agent cards: a real card with fields replaced by other JSON types,
 * removed, truncated, or nested deeply, plus cards over the size limit. Reading either gives a card or an
 * {@link InvalidAgentCardException} naming the problem; never another exception.
 */
class AgentCardBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Object[] VALUES = {null, 1, -2.5, true, "", " ", List.of(), List.of(1, "x"),
        java.util.Map.of(), java.util.Map.of("a", List.of(java.util.Map.of()))};

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMutatedCardReadsOrIsRefusedByName(long seed) throws Exception {
        Random random = new Random(seed);
        String base = new String(AgentCardReaderTest.class.getResourceAsStream("/cards/support-v1.json").readAllBytes(),
                StandardCharsets.UTF_8);
        String card = mutate((ObjectNode) JSON.readTree(base), random, base);
        try {
            AgentCard read = random.nextBoolean() ? AgentCardReader.read(card)
                    : AgentCardReader.read(new ByteArrayInputStream(card.getBytes(StandardCharsets.UTF_8)));
            assertThat(read.name()).isNotBlank();
            assertThat(read.sha256()).hasSize(64);
        } catch (InvalidAgentCardException e) {
            assertThat(e.getMessage()).isNotBlank();
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": " + e + " for card:\n" + card, e);
        }
    }

    private static String mutate(ObjectNode card, Random random, String original) {
        switch (random.nextInt(4)) {
            case 0 -> {
                return original.substring(0, random.nextInt(original.length()));
            }
            case 1 -> {
                StringBuilder deep = new StringBuilder();
                int depth = 20 + random.nextInt(200);
                deep.append("[".repeat(depth)).append("]".repeat(depth));
                card.set("skills", JSON.valueToTree(List.of()));
                return card.toString().replace("\"skills\":[]", "\"skills\":" + deep);
            }
            default -> {
                for (int i = 0; i < 1 + random.nextInt(4); i++) {
                    JsonNode target = pick(card, random);
                    if (target instanceof ObjectNode o && o.size() > 0) {
                        String field = fieldAt(o, random.nextInt(o.size()));
                        if (random.nextInt(3) == 0) {
                            o.remove(field);
                        } else {
                            o.set(field, JSON.valueToTree(VALUES[random.nextInt(VALUES.length)]));
                        }
                    }
                }
                return card.toString();
            }
        }
    }

    private static JsonNode pick(ObjectNode card, Random random) {
        JsonNode node = card;
        for (int d = 0; d < random.nextInt(3); d++) {
            List<JsonNode> children = new java.util.ArrayList<>();
            node.elements().forEachRemaining(c -> {
                if (c.isContainerNode()) {
                    children.add(c.isArray() && !c.isEmpty() ? c.get(0) : c);
                }
            });
            if (children.isEmpty()) {
                break;
            }
            node = children.get(random.nextInt(children.size()));
        }
        return node;
    }

    private static String fieldAt(ObjectNode o, int index) {
        Iterator<String> names = o.fieldNames();
        for (int i = 0; i < index; i++) {
            names.next();
        }
        return names.next();
    }

    @Test
    void oversizedCardsAreRefusedBeforeParsing() {
        String huge = "{\"name\":\"big\",\"provider\":{\"organization\":\"x\"},\"description\":\""
                + "d".repeat(AgentCardReader.MAX_CARD_BYTES) + "\"}";
        assertThatThrownBy(() -> AgentCardReader.read(huge)).isInstanceOf(InvalidAgentCardException.class)
                .hasMessageContaining("over the limit");
        assertThatThrownBy(() -> AgentCardReader.read(new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidAgentCardException.class).hasMessageContaining("over the limit");
        assertThatThrownBy(() -> AgentCardReader.read((String) null)).isInstanceOf(InvalidRequestException.class);
        String deep = "{\"name\":\"n\",\"provider\":{\"organization\":\"x\"},\"skills\":" + "[".repeat(5000)
                + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> AgentCardReader.read(deep)).isInstanceOf(InvalidAgentCardException.class)
                .hasMessageContaining("not valid JSON");
    }
}
