package io.astrocyte.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.astrocyte.AuthorizationException;
import io.astrocyte.InvalidRequestException;
import io.astrocyte.config.IdentityConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtClaimsTest {

    @Test
    void anAppTokenIsAServiceNamedByItsAppClaim() {
        ActorIdentity a = JwtClaims.classify(Map.of("idtyp", "app", "azp", "billing-app", "tid", "t-1",
                "upn", "ignored@example.com"));
        assertThat(a.grantKey()).isEqualTo("service:billing-app");
        assertThat(a.claims()).containsEntry("tenant_id", "t-1").containsEntry("app_id", "billing-app")
                .doesNotContainKey("upn");
        assertThatThrownBy(() -> JwtClaims.classify(Map.of("idtyp", "app")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void aUserIsIdentifiedByOidOrSubNeverByEmail() {
        ActorIdentity oid = JwtClaims.classify(Map.of("oid", "0f3c", "sub", "s-9", "preferred_username", "alice@x.org"));
        assertThat(oid.grantKey()).isEqualTo("user:0f3c");
        assertThat(oid.claims()).containsEntry("upn", "alice@x.org");
        assertThat(JwtClaims.classify(Map.of("sub", "s-9", "email", "alice@x.org")).id()).isEqualTo("s-9");
        assertThatThrownBy(() -> JwtClaims.classify(Map.of("email", "alice@x.org")))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining("not an id");
    }

    @Test
    void anAppClaimWithoutUserClaimsIsAServiceAndNothingAtAllIsRefused() {
        assertThat(JwtClaims.classify(Map.of("client_id", "cron", "sub", "cron")).grantKey()).isEqualTo("service:cron");
        assertThatThrownBy(() -> JwtClaims.classify(Map.of("sub", "who", "tid", "t")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> JwtClaims.classify(Map.of("oid", " ", "upn", " ")))
                .isInstanceOf(AuthorizationException.class);
    }

    @Test
    void theContextCarriesTheTenant() {
        AstrocyteContext c = JwtClaims.context(Map.of("oid", "u1", "upn", "u1@x.org", "tid", "contoso"));
        assertThat(c.principal()).isEqualTo("user:u1");
        assertThat(c.tenantId()).isEqualTo("contoso");
    }

    @Test
    void conventionBanksUseTheConfiguredPrefixesAndStayValid() {
        BankResolver banks = new BankResolver(new IdentityConfig(null, "u-", null, "svc-"));
        assertThat(banks.derive(ActorIdentity.parse("user:alice"))).isEqualTo("u-alice");
        assertThat(banks.derive(ActorIdentity.parse("service:billing"))).isEqualTo("svc-billing");
        assertThat(banks.derive(ActorIdentity.parse("agent:bot"))).isEqualTo("agent-bot");
        assertThat(banks.derive(ActorIdentity.parse("team:ops"))).isEqualTo("team-ops");
        assertThat(BankResolver.derive("user-", "Ann Lee/ü")).isEqualTo("user-Ann:20Lee:2f:c3:bc");
        assertThatThrownBy(() -> BankResolver.derive("user-", "x".repeat(300)))
                .isInstanceOf(InvalidRequestException.class);
    }
}
