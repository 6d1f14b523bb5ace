package org.cfpflow.platform;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/** The part of every service's security that is the same everywhere; a service's {@link AccessRules} follow it. */
class CfpHttpSecurity {

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
     * The JSON API under {@code /api/}: credentials with every request, HTTP Basic (users from
     * {@code cfp.security.users}) or a bearer JWT when an OAuth2 issuer is configured, and never a session: a browser
     * logged in to the pages cannot be made to act on the API by another site, so the API needs no CSRF token; writes
     * a browser sends for another site's page are refused outright ({@link CrossSiteWriteFilter}). This chain
     * comes before the {@link #pages} one.
     */
    HttpSecurity api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .httpBasic(withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class);
        return common(http);
    }

    /**
     * Everything but the API: a login form for the HTML pages, and HTTP Basic (or a bearer JWT) for the actuator;
     * CSRF protection for the forms; health public, the other actuator endpoints for organizers. An anonymous
     * visitor gets no HTTP session: the CSRF token is kept in an HttpOnly, SameSite=Strict cookie (the forms carry
     * it in a hidden field), and the page asked for before signing in in a cookie too; signing in makes the session.
     */
    HttpSecurity pages(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.httpBasic(withDefaults())
                .formLogin(withDefaults())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(new CookieRequestCache()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/cfp/**", "/login", "/error",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ORGANIZER));
        return common(http);
    }

    private HttpSecurity common(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
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
