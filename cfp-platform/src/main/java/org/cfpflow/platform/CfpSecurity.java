package org.cfpflow.platform;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The part of every service's security set-up that is the same everywhere. */
public final class CfpSecurity {

    private CfpSecurity() {
    }

    /**
     * HTTP Basic for API clients; CSRF protection for the HTML forms, not for the JSON API (no cookies there);
     * health public, the other actuator endpoints for organizers. Services add their own rules after these.
     */
    public static HttpSecurity defaults(HttpSecurity http) throws Exception {
        return http.httpBasic(withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ORGANIZER))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(headers -> headers.contentTypeOptions(withDefaults()));
    }

    public static boolean hasRole(Authentication authentication, String role) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
    }
}
