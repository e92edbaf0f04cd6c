package io.astrocyte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profiles (SPEC §6.3): compliance, then profile, then the user's keys, merged map by map. */
class ProfilesTest {

    private final ConfigLoader loader = new ConfigLoader(k -> null);

    @Test
    void everyBuiltInProfileLoadsAlone() {
        for (String p : ConfigLoader.PROFILES) {
            assertThat(loader.fromMap(Map.of("profile", p))).as(p).isNotNull();
        }
        for (String c : ConfigLoader.COMPLIANCE_PROFILES) {
            assertThat(loader.fromMap(Map.of("compliance_profile", c))).as(c).isNotNull();
        }
    }

    @Test
    void aProfileSetsItsValues() {
        AstrocyteConfig support = loader.fromMap(Map.of("profile", "support"));
        assertThat(support.homeostasis().recallMaxTokens()).isEqualTo(4096);
        assertThat(support.homeostasis().rateLimits().recallPerMinute()).isEqualTo(60);
        assertThat(support.barriers().validation().maxContentLength()).isEqualTo(10000);
        assertThat(support.defaults().dispositions().empathy()).isEqualTo(5);
        assertThat(loader.fromMap(Map.of("profile", "research")).barriers().pii().mode())
                .isEqualTo(PiiConfig.Mode.DISABLED);
        assertThat(loader.fromMap(Map.of("profile", "coding")).escalation().degradedMode())
                .isEqualTo(EscalationConfig.DegradedMode.ERROR);
    }

    @Test
    void userKeysWinAndMapsMergeKeyByKey() {
        AstrocyteConfig c = loader.fromMap(Map.of("profile", "support",
                "homeostasis", Map.of("rate_limits", Map.of("retain_per_minute", 5))));
        assertThat(c.homeostasis().rateLimits().retainPerMinute()).isEqualTo(5);
        assertThat(c.homeostasis().rateLimits().recallPerMinute()).as("kept from the profile").isEqualTo(60);
        assertThat(c.homeostasis().recallMaxTokens()).isEqualTo(4096);
    }

    @Test
    void complianceIsTheBaseAndTheProfileGoesOverIt() {
        AstrocyteConfig hipaa = loader.fromMap(Map.of("compliance_profile", "hipaa"));
        assertThat(hipaa.barriers().pii().action()).isEqualTo(PiiConfig.Action.REJECT);
        assertThat(hipaa.accessControl().enabled()).isTrue();
        assertThat(hipaa.dlp().scanRecallOutput()).isTrue();

        AstrocyteConfig both = loader.fromMap(Map.of("compliance_profile", "gdpr", "profile", "personal"));
        assertThat(both.accessControl().defaultPolicy()).isEqualTo(AccessControlConfig.DefaultPolicy.DENY);
        assertThat(both.barriers().pii().mode()).as("the profile's mode over gdpr's").isEqualTo(PiiConfig.Mode.REGEX);
        assertThat(both.dlp().scanReflectOutput()).isTrue();
    }

    @Test
    void anUnknownProfileIsNamedWithTheChoices() {
        assertThatThrownBy(() -> loader.fromMap(Map.of("profile", "sales"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("'sales'").hasMessageContaining("support, coding");
        assertThatThrownBy(() -> loader.fromMap(Map.of("compliance_profile", "sox"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("gdpr, hipaa, pdpa");
    }
}
