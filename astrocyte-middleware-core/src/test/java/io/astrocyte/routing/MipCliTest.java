package io.astrocyte.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocyte.api.RoutingDecision;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MipCliTest {

    /** The example of SPEC §6.2, as written there. */
    static final String SPEC_EXAMPLE = """
            version: "1.0"
            rules:
              - {name: pii-lockdown, priority: 1, override: true, match: {pii_detected: true},
                 action: {bank: private-encrypted, tags: [pii], retain_policy: redact_before_store}}
              - name: proxied-user-data
                priority: 8
                match: {all: [{principal_type: service}, {metadata.beneficiary_user_id: present}]}
                action: {bank: "user-{metadata.beneficiary_user_id}", tags: [proxied]}
              - {name: fallback, priority: 999, match: {all: []}, action: {escalate: mip}}
            intent_policy: {escalate_when: [{matched_rules: 0}], constraints: {cannot_override: [pii-lockdown]}}
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MipCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("mip.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void theSpecExampleLoadsAndRoutesAsDescribed() throws Exception {
        MipRouter router = new MipRouter(MipLoader.withSystemEnvironment().load(file(SPEC_EXAMPLE)), null,
                Clock.systemUTC());
        MipInput.Principal hrBot = new MipInput.Principal("service", "hr-bot", null, "hr-bot");
        RoutingDecision pii = router.route(new MipInput("ssn", "text", null, true, List.of(), Map.of(), Map.of(), hrBot));
        assertThat(pii.bankId()).isEqualTo("private-encrypted");
        assertThat(pii.retainPolicy()).isEqualTo("redact_before_store");
        RoutingDecision proxied = router.route(new MipInput("likes tea", "text", null, false, List.of(),
                Map.of("beneficiary_user_id", "u42"), Map.of(), hrBot));
        assertThat(proxied.bankId()).isEqualTo("user-u42");
        assertThat(proxied.tags()).containsExactly("proxied");
        RoutingDecision rest = router.route(new MipInput("hello", "text", null, false, List.of(), Map.of(), Map.of(),
                null));
        assertThat(rest.resolvedBy()).as("the fallback escalates; no LLM here").isEqualTo(
                RoutingDecision.ResolvedBy.PASSTHROUGH);
        assertThat(run("lint", file(SPEC_EXAMPLE).toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("ok: 3 rules");
    }

    @Test
    void lintNamesUnreachableShadowedAndExpiredRules() throws Exception {
        Path f = file("""
                rules:
                  - {name: catch-all, priority: 1, match: {all: []}, action: {bank: general}}
                  - {name: never, priority: 5, match: {content_type: code}, action: {bank: code}}
                  - {name: expired, priority: 0, active_until: '2020-01-01T00:00:00Z', match: {source: x},
                     action: {bank: old}}
                """);
        assertThat(run("lint", f.toString())).isEqualTo(1);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("rule 'never' (line 3): unreachable: rule 'catch-all' matches everything");
        assertThat(text).contains("rule 'expired'").contains("window ended");

        Path g = file("""
                rules:
                  - {name: broad, priority: 5, match: {content_type: text}, action: {bank: a}}
                  - {name: narrow, priority: 9, match: {content_type: text, source: bot}, action: {bank: b}}
                """);
        out.reset();
        assertThat(run("lint", g.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("rule 'narrow'").contains("shadowed")
                .contains("'broad'");
    }

    @Test
    void lintRefusesAFileThatDoesNotLoad() throws Exception {
        Path f = file("rules:\n  - {name: a, match: {all: []}, action: {bank: x}}\n  - {name: a, match: {all: []},"
                + " action: {bank: y}}\n");
        assertThat(run("lint", f.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Duplicate rule names").contains("line 3");
    }

    @Test
    void explainShowsMatchesWinnerAndDecision() throws Exception {
        Path f = file(SPEC_EXAMPLE);
        assertThat(run("explain", f.toString(), "--content", "likes tea", "--principal", "service:hr-bot",
                "--metadata", "beneficiary_user_id=u42")).isZero();
        JsonNode e = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(e.get("matched")).extracting(JsonNode::asText).containsExactly("proxied-user-data", "fallback");
        assertThat(e.get("winner").asText()).isEqualTo("proxied-user-data");
        assertThat(e.get("decision").get("bank_id").asText()).isEqualTo("user-u42");
        assertThat(run("explain", f.toString())).as("--content is required").isEqualTo(2);
    }
}
