package io.astrocyte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code lifecycle}, {@code governance} and {@code analytics} keys, with profiles and per-bank blocks. */
class LifecycleConfigTest {

    @TempDir
    Path dir;

    private AstrocyteConfig load(String yaml) throws Exception {
        Path file = dir.resolve("astrocyte.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(name -> null).load(file);
    }

    @Test
    void defaultsKeepEverythingAndKeepRecallStatistics() throws Exception {
        LifecycleConfig l = load("{}").lifecycle();
        assertThat(l.enabled()).isFalse();
        assertThat(l.ttl().archiveAfterDays()).isEqualTo(90);
        assertThat(l.ttl().deleteAfterDays()).isEqualTo(365);
        assertThat(l.runIntervalMinutes()).isZero();
        assertThat(l.recallStats()).isTrue();
        assertThat(l.recallStatsFlushSeconds()).isEqualTo(5);
    }

    @Test
    void complianceProfilesApplyTheirRetention() throws Exception {
        for (String[] c : new String[][] {{"gdpr", "730"}, {"hipaa", "2555"}, {"pdpa", "1825"}}) {
            LifecycleConfig l = load("compliance_profile: " + c[0]).lifecycle();
            assertThat(l.enabled()).as(c[0]).isTrue();
            assertThat(l.ttl().archiveAfterDays()).as(c[0]).isEqualTo(365);
            assertThat(l.ttl().deleteAfterDays()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
        }
        LifecycleConfig mine = load("compliance_profile: gdpr\nlifecycle: {ttl: {delete_after_days: 400}}").lifecycle();
        assertThat(mine.ttl().deleteAfterDays()).as("the user's keys win").isEqualTo(400);
        assertThat(mine.ttl().archiveAfterDays()).as("the rest of the profile stays").isEqualTo(365);
    }

    @Test
    void aBankMayCarryItsOwnLifecycleOverTheGlobalOne() throws Exception {
        AstrocyteConfig c = load("""
                lifecycle: {enabled: true, ttl: {archive_after_days: 30, exempt_tags: [pinned]}}
                banks:
                  audit-log: {lifecycle: {enabled: false}}
                  scratch:
                    lifecycle:
                      ttl:
                        delete_after_days: 7
                        fact_type_overrides: {opinion: ~, experience: 3}
                """);
        assertThat(c.lifecycleFor("anything").ttl().archiveAfterDays()).isEqualTo(30);
        assertThat(c.lifecycleFor("audit-log").enabled()).isFalse();
        LifecycleConfig scratch = c.lifecycleFor("scratch");
        assertThat(scratch.enabled()).as("global values under the bank's own").isTrue();
        assertThat(scratch.ttl().archiveAfterDays()).isEqualTo(30);
        assertThat(scratch.ttl().deleteAfterDays()).isEqualTo(7);
        assertThat(scratch.ttl().exemptTags()).containsExactly("pinned");
        assertThat(scratch.ttl().factTypeOverrides()).containsEntry("opinion", null).containsEntry("experience", 3);
    }

    @Test
    void governanceAndAnalyticsAreAccepted() throws Exception {
        AstrocyteConfig c = load("""
                governance: {audit: {path: /var/log/astrocyte/audit.jsonl}}
                analytics: {enabled: true, quality_history_days: 60}
                """);
        assertThat(c.governance().audit().enabled()).isTrue();
        assertThat(c.governance().audit().path()).isEqualTo("/var/log/astrocyte/audit.jsonl");
        assertThat(c.analytics().qualityHistoryDays()).isEqualTo(60);
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> load("lifecycle: {ttl: {archive_after_days: 0}}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("lifecycle.ttl.archive_after_days");
        assertThatThrownBy(() -> load("lifecycle: {ttl: {fact_type_overrides: {opinion: -1}}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fact_type_overrides.opinion");
        assertThatThrownBy(() -> load("lifecycle: {run_interval_minutes: -5}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("run_interval_minutes");
        assertThatThrownBy(() -> load("lifecycle: {ttl: {archive_after: 3}}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown config key 'lifecycle.ttl.archive_after'");
        assertThatThrownBy(() -> load("analytics: {quality_history_days: 0}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("analytics.quality_history_days");
    }
}
