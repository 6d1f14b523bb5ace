package org.cfpflow.platform;

/**
 * The one role of CfP Flow outside a conference. Everything else a user may do, a conference's team grants
 * ({@link TeamAccess}); speakers have no accounts: their proposal's edit token is their key.
 */
public final class Roles {

    /** From configuration (or the token's roles claim): creates conferences, may do everything in each. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
