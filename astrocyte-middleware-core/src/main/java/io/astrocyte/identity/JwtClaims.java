package io.astrocyte.identity;

import io.astrocyte.AuthorizationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the claims of an already validated JWT into an {@link ActorIdentity} (SPEC §2.4). Pure: no
 * signature checks, no I/O; the caller validates the token first. Only the identity-relevant claims are
 * kept, never the raw token.
 *
 * <ul>
 *   <li>{@code idtyp == "app"} → a service whose id is {@code appid}, {@code azp} or {@code client_id};</li>
 *   <li>otherwise a user when any of {@code upn}, {@code preferred_username}, {@code email} is present; the id
 *       is {@code oid} or {@code sub} (required; an e-mail address is never an id) and {@code upn} in the
 *       claims holds the display name;</li>
 *   <li>otherwise a service when an app claim is present;</li>
 *   <li>otherwise {@link AuthorizationException}.</li>
 * </ul>
 * {@code tid} becomes the {@code tenant_id} claim.
 */
public final class JwtClaims {

    private static final List<String> APP_CLAIMS = List.of("appid", "azp", "client_id");
    private static final List<String> USER_NAME_CLAIMS = List.of("upn", "preferred_username", "email");
    private static final List<String> USER_ID_CLAIMS = List.of("oid", "sub");

    private JwtClaims() {
    }

    /** Classifies validated claims into an actor; throws {@link AuthorizationException} when they name nobody. */
    public static ActorIdentity classify(Map<String, ?> claims) {
        Map<String, String> extra = new LinkedHashMap<>();
        String tenant = text(claims, "tid");
        if (tenant != null) {
            extra.put("tenant_id", tenant);
        }
        String idtyp = text(claims, "idtyp");
        if (idtyp != null) {
            extra.put("idtyp", idtyp);
        }
        String app = first(claims, APP_CLAIMS);
        if ("app".equals(idtyp)) {
            if (app == null) {
                throw new AuthorizationException("token says idtyp=app but carries none of appid, azp, client_id");
            }
            extra.put("app_id", app);
            return new ActorIdentity(ActorType.SERVICE, app, extra);
        }
        String display = first(claims, USER_NAME_CLAIMS);
        if (display != null) {
            String id = first(claims, USER_ID_CLAIMS);
            if (id == null) {
                throw new AuthorizationException("user token carries no oid or sub; an e-mail address is not an id");
            }
            extra.put("upn", display);
            return new ActorIdentity(ActorType.USER, id, extra);
        }
        if (app != null) {
            extra.put("app_id", app);
            return new ActorIdentity(ActorType.SERVICE, app, extra);
        }
        throw new AuthorizationException("token identifies neither a user (upn, preferred_username, email) "
                + "nor an application (appid, azp, client_id)");
    }

    /** A context for the classified actor, in the token's tenant when it has one. */
    public static AstrocyteContext context(Map<String, ?> claims) {
        ActorIdentity actor = classify(claims);
        return new AstrocyteContext(actor.grantKey(), actor, null, actor.claims().get("tenant_id"));
    }

    private static String first(Map<String, ?> claims, List<String> names) {
        for (String n : names) {
            String v = text(claims, n);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(Map<String, ?> claims, String name) {
        Object v = claims.get(name);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).strip();
        return s.isEmpty() ? null : s;
    }
}
