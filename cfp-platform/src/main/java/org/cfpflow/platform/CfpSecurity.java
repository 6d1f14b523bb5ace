package org.cfpflow.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Questions about the caller that every service asks. */
public final class CfpSecurity {

    private CfpSecurity() {
    }

    public static boolean hasRole(Authentication authentication, String role) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }
}
