package io.astrocyte.spring.boot;

import io.astrocyte.Astrocyte;
import io.astrocyte.api.BankHealth;
import io.astrocyte.identity.AstrocyteContext;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/astrocytebanks}: the health of every bank (SPEC §6.7), and {@code /actuator/astrocytebanks/{bank}}
 * for one, with score, status, issues, metrics and daily quality points. It reads as
 * {@code astrocyte.actuator.principal}, so access control decides which banks it shows; expose it with
 * {@code management.endpoints.web.exposure.include=astrocytebanks}.
 */
@Endpoint(id = "astrocytebanks")
public class AstrocyteBanksEndpoint {

    private final Astrocyte brain;
    private final AstrocyteContext reader;

    public AstrocyteBanksEndpoint(Astrocyte brain, String principal) {
        this.brain = brain;
        this.reader = AstrocyteContext.of(principal);
    }

    @ReadOperation
    public List<BankHealth> banks() {
        return brain.allBankHealth(reader);
    }

    @ReadOperation
    public BankHealth bank(@Selector String bankId) {
        return brain.bankHealth(bankId, reader);
    }
}
