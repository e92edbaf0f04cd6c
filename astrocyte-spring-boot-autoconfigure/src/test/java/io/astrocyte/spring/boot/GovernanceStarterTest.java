package io.astrocyte.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.BankHealth;
import io.astrocyte.api.RetainRequest;
import io.astrocyte.audit.AuditLog;
import io.astrocyte.identity.AstrocyteContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The governance pieces of the starter: lifecycle on Spring's scheduling, audit trail, bank health endpoint and gauges. */
class GovernanceStarterTest {

    private static final AstrocyteContext ALICE = AstrocyteContext.of("user:alice");

    @TempDir
    Path dir;

    @Test
    void lifecycleRoundsRunOnSpringsSchedulerAndNotTwice() {
        StarterContexts.withHashingEmbedder(dir).withPropertyValues("astrocyte.lifecycle.enabled=true",
                "astrocyte.lifecycle.run-interval-minutes=60").run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx.getBean(AstrocyteLifecycleScheduling.class).isRunning()).isTrue();
                    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                            .as("the facade's own scheduler thread is off in the starter")
                            .doesNotContain("astrocyte-lifecycle");
                });
        ThreadPoolTaskScheduler app = new ThreadPoolTaskScheduler();
        app.initialize();
        try {
            StarterContexts.withHashingEmbedder(dir).withBean(ThreadPoolTaskScheduler.class, () -> app)
                    .withPropertyValues("astrocyte.lifecycle.enabled=true",
                            "astrocyte.lifecycle.run-interval-minutes=60").run(ctx -> {
                        assertThat(app.getScheduledThreadPoolExecutor().getQueue()).as("the app's scheduler runs it")
                                .hasSize(1);
                    });
            assertThat(app.getScheduledThreadPoolExecutor().getQueue()).as("cancelled with the context").isEmpty();
        } finally {
            app.shutdown();
        }
        StarterContexts.withHashingEmbedder(dir).run(ctx -> assertThat(
                ctx.getBean(AstrocyteLifecycleScheduling.class).isRunning()).as("no interval, no rounds").isFalse());
    }

    @Test
    void theEmbeddedDefaultKeepsAVerifiableAuditTrailInTheDataFolder() {
        StarterContexts.withHashingEmbedder(dir).run(ctx -> ctx.getBean(Astrocyte.class)
                .retain(RetainRequest.of("user-alice", "Alice's locker is number 12"), ALICE));
        AuditLog.Verification v = AuditLog.verify(dir.resolve("audit").resolve("audit.jsonl"));
        assertThat(v.intact()).isTrue();
        assertThat(v.lines()).as("bank.created, memory.created").isEqualTo(2);
    }

    @Test
    void theBanksEndpointShowsWhatItsPrincipalMayReadAndGaugesCountBanks() {
        MeterRegistry meters = new SimpleMeterRegistry();
        StarterContexts.withHashingEmbedder(dir).withBean(MeterRegistry.class, () -> meters).run(ctx -> {
            ctx.getBean(Astrocyte.class).retain(RetainRequest.of("user-alice", "Alice's locker is number 12"), ALICE);
            assertThat(ctx.getBean(AstrocyteBanksEndpoint.class).banks()).as("no grant, nothing shown").isEmpty();
            assertThat(meters.get("astrocyte.banks").tag("status", "warning").gauge().value()
                    + meters.get("astrocyte.banks").tag("status", "healthy").gauge().value()
                    + meters.get("astrocyte.banks").tag("status", "unhealthy").gauge().value()).isEqualTo(1.0);
        });
        StarterContexts.withHashingEmbedder(dir).withPropertyValues("astrocyte.access-grants[0].bank-id=*",
                "astrocyte.access-grants[0].principal=service:ops", "astrocyte.access-grants[0].permissions=read",
                "astrocyte.actuator.principal=service:ops").run(ctx -> {
                    AstrocyteBanksEndpoint endpoint = ctx.getBean(AstrocyteBanksEndpoint.class);
                    assertThat(endpoint.banks()).extracting(BankHealth::bankId).containsExactly("user-alice");
                    assertThat(endpoint.bank("user-alice").metrics()).containsEntry("retain_count", 1.0);
                });
    }
}
