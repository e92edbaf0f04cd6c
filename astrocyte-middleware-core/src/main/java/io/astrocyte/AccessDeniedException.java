package io.astrocyte;

import io.astrocyte.identity.Permission;

/** The identity lacks a permission on a bank (SPEC {@code AccessDenied}, HTTP 403). */
public class AccessDeniedException extends AstrocyteException {

    private final String principal;
    private final String bankId;
    private final Permission permission;

    public AccessDeniedException(String principal, String bankId, Permission permission) {
        this(principal, bankId, permission, null);
    }

    /** @param reason which rule refused, appended to the message; never memory text */
    public AccessDeniedException(String principal, String bankId, Permission permission, String reason) {
        super(principal + " lacks '" + permission.wireName() + "' on bank " + bankId
                + (reason == null || reason.isBlank() ? "" : " (" + reason + ")"));
        this.principal = principal;
        this.bankId = bankId;
        this.permission = permission;
    }

    public String principal() {
        return principal;
    }

    public String bankId() {
        return bankId;
    }

    public Permission permission() {
        return permission;
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
