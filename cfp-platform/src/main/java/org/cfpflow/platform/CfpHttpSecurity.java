package org.cfpflow.platform;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
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
        SignInNeeded signInNeeded = new SignInNeeded();
        http.securityMatcher("/api/**")
                .httpBasic(basic -> basic.authenticationEntryPoint(signInNeeded))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInNeeded))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class);
        common(http);
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(signInNeeded));
        }
        return http;
    }

    /**
     * Everything but the API: a login form for the HTML pages, and HTTP Basic (or a bearer JWT) for the actuator;
     * CSRF protection for the forms; health public, the other actuator endpoints for administrators. An anonymous
     * visitor gets no HTTP session: the CSRF token is kept in an HttpOnly, SameSite=Strict cookie (the forms carry
     * it in a hidden field), and the page asked for before signing in in a cookie too; signing in makes the session.
     */
    HttpSecurity pages(HttpSecurity http) throws Exception {
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        http.httpBasic(withDefaults())
                .formLogin(withDefaults())
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .requestCache(cache -> cache.requestCache(pagesAskedFor()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/cfp/**", "/login", "/error",
                                "/favicon.ico",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN));
        return common(http);
    }

    /**
     * Where signing in leads back to: the last page a browser asked for, a GET for HTML; not what it fetched on its own
     * while the login form showed (its icon, say), which would else take the page's place.
     */
    private static CookieRequestCache pagesAskedFor() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && String.valueOf(request.getHeader("Accept")).contains("text/html")
                && !request.getRequestURI().endsWith("/favicon.ico"));
        return cache;
    }

    private HttpSecurity common(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(forThisAudience(decoder))
                    .jwtAuthenticationConverter(rolesFromClaim())));
        }
        return http;
    }

    /** Boot's decoder (signature, issuer, expiry), and then the audience this deployment is configured with. */
    private JwtDecoder forThisAudience(JwtDecoder decoder) {
        String audience = properties.audience();
        if (audience == null || audience.isBlank()) {
            throw new IllegalStateException("An OAuth2 issuer is configured but no audience: set cfp.security.jwt.audience "
                    + "(CFP_SECURITY_JWT_AUDIENCE) to the client id the identity provider puts in this application's tokens");
        }
        JwtClaimValidator<List<String>> audienceValidator = new JwtClaimValidator<>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(audience));
        return token -> {
            Jwt jwt = decoder.decode(token);
            OAuth2TokenValidatorResult result = audienceValidator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("The token is not for audience " + audience, result.getErrors());
            }
            return jwt;
        };
    }

    /** Roles from their claim; the user is the e-mail claim, and a token without one is refused (401). */
    private Converter<Jwt, AbstractAuthenticationToken> rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(properties.rolesClaim());
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        converter.setPrincipalClaimName(properties.usernameClaim());
        return jwt -> {
            String username = jwt.getClaimAsString(properties.usernameClaim());
            if (username == null || username.isBlank()) {
                throw new InvalidBearerTokenException("The token has no " + properties.usernameClaim() + " claim");
            }
            return converter.convert(jwt);
        };
    }
}
