package io.astrocyte.server;

import io.astrocyte.Astrocyte;
import io.astrocyte.AuthorizationException;
import io.astrocyte.identity.AccessGrant;
import io.astrocyte.identity.AstrocyteContext;
import io.astrocyte.identity.GlobPattern;
import io.astrocyte.identity.Permission;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin routes of {@code /v1/admin} that the library backs (SPEC §1.11): bank health, legal holds, lifecycle.
 * They need the {@code X-Admin-Token} whose SHA-256 is {@code memory-server.admin-token-sha256} (401 otherwise);
 * with none configured they serve loopback requests only (403 for the rest). They act as
 * {@code memory-server.admin-principal}, which the server grants every permission on every bank.
 */
@RestController
public class AdminController {

    private final Astrocyte brain;
    private final ServerProperties properties;
    private final AstrocyteContext admin;

    public AdminController(Astrocyte brain, ServerProperties properties) {
        this.brain = brain;
        this.properties = properties;
        this.admin = AstrocyteContext.of(properties.getAdminPrincipal());
        brain.access().addRuntimeGrants(List.of(new AccessGrant(new GlobPattern("*"),
                new GlobPattern(admin.actor().grantKey()), EnumSet.allOf(Permission.class))));
    }

    private void authorize(String token, HttpServletRequest request) {
        String expected = properties.getAdminTokenSha256();
        if (expected == null || expected.isBlank()) {
            if (!loopback(request)) {
                throw new AdminForbidden();
            }
            return;
        }
        if (token == null || !expected.toLowerCase(Locale.ROOT).equals(ApiKeys.sha256(token))) {
            throw new AuthorizationException("admin routes need a valid X-Admin-Token");
        }
    }

    private static boolean loopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** 403: no admin token is configured and the request is not from this machine. */
    static final class AdminForbidden extends RuntimeException {
        AdminForbidden() {
            super("admin routes without memory-server.admin-token-sha256 serve loopback requests only", null, false,
                    false);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(AdminForbidden.class)
    public ResponseEntity<ProblemDetail> forbidden(AdminForbidden e) {
        return ResponseEntity.status(403).body(Problems.problem(org.springframework.http.HttpStatus.FORBIDDEN,
                e.getMessage(), "AccessDeniedException"));
    }

    @GetMapping("/v1/admin/banks/health")
    public Map<String, Object> allHealth(@RequestHeader(value = "X-Admin-Token", required = false) String token,
            HttpServletRequest request) {
        authorize(token, request);
        List<Map<String, Object>> banks = new ArrayList<>();
        brain.allBankHealth(admin).forEach(h -> banks.add(AdminBodies.health(h)));
        return Map.of("banks", banks);
    }

    @GetMapping("/v1/admin/banks/{bankId}/health")
    public Map<String, Object> bankHealth(@PathVariable String bankId,
            @RequestHeader(value = "X-Admin-Token", required = false) String token, HttpServletRequest request) {
        authorize(token, request);
        return AdminBodies.health(brain.bankHealth(bankId, admin));
    }

    @GetMapping("/v1/admin/banks/{bankId}/hold")
    public Map<String, Object> holdStatus(@PathVariable String bankId,
            @RequestHeader(value = "X-Admin-Token", required = false) String token, HttpServletRequest request) {
        authorize(token, request);
        return Map.of("bank_id", bankId, "under_hold", !brain.legalHolds(bankId, admin).isEmpty());
    }

    @PostMapping("/v1/admin/banks/{bankId}/hold")
    public Map<String, Object> setHold(@PathVariable String bankId, @RequestBody Map<String, Object> body,
            @RequestHeader(value = "X-Admin-Token", required = false) String token, HttpServletRequest request) {
        authorize(token, request);
        // The admin principal sets the hold; a body's set_by is only a name for the record, never an identity.
        String setBy = Bodies.text(body, "set_by", false);
        String reason = Bodies.text(body, "reason", true);
        return AdminBodies.hold(brain.setLegalHold(bankId, Bodies.text(body, "hold_id", true),
                setBy == null || setBy.isBlank() ? reason : reason + " (requested by " + setBy + ")", admin));
    }

    @DeleteMapping("/v1/admin/banks/{bankId}/hold/{holdId}")
    public Map<String, Object> releaseHold(@PathVariable String bankId, @PathVariable String holdId,
            @RequestHeader(value = "X-Admin-Token", required = false) String token, HttpServletRequest request) {
        authorize(token, request);
        return Map.of("bank_id", bankId, "hold_id", holdId, "released", brain.releaseLegalHold(bankId, holdId, admin));
    }

    @PostMapping("/v1/admin/lifecycle")
    public Map<String, Object> lifecycle(@RequestBody Map<String, Object> body,
            @RequestHeader(value = "X-Admin-Token", required = false) String token, HttpServletRequest request) {
        authorize(token, request);
        return AdminBodies.lifecycle(brain.runLifecycle(Bodies.text(body, "bank_id", true), admin));
    }
}
