package org.cfpflow.platform;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** The part of every service's security that is the same everywhere; services add their own rules after it. */
public class CfpHttpSecurity {

    /** No inline script or style anywhere; nothing may frame the pages. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    private final ObjectProvider<JwtDecoder> jwtDecoder;
    private final SecurityProperties properties;

    CfpHttpSecurity(ObjectProvider<JwtDecoder> jwtDecoder, SecurityProperties properties) {
        this.jwtDecoder = jwtDecoder;
        this.properties = properties;
    }

    /**
     * HTTP Basic for API clients and a login form for the HTML pages (users from {@code cfp.security.users}), or
     * bearer JWTs when an OAuth2 issuer is configured; CSRF protection for forms, not for the JSON API (no cookies
     * there); security headers; health public, the other actuator endpoints for organizers.
     */
    public HttpSecurity defaults(HttpSecurity http) throws Exception {
        http.httpBasic(withDefaults())
                .formLogin(withDefaults())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/cfp/**", "/login", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ORGANIZER))
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim())));
        }
        return http;
    }

    private JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(properties.usernameClaim());
        return converter;
    }
}
