package org.cfpflow.submission;

import org.cfpflow.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The calls, the forms and submitting are public; a proposal is reached with its edit token (checked by
 * {@code Proposals}) or as an organizer of its conference; defining a conference and listing its proposals are for
 * its organizers (creating one for an admin), which the service checks against the conference's team.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return new AccessRules() {

            @Override
            public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
                // who may define a conference or list its proposals is the conference's team: checked by the
                // service, after signing in
                requests.requestMatchers(HttpMethod.PUT, "/api/conferences/*").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/conferences/*/proposals").permitAll()
                        // listing, whatever the method (GET, HEAD, OPTIONS)
                        .requestMatchers("/api/conferences/*/proposals").authenticated()
                        // the organizers' pages: the list of a conference's proposals (and as CSV), its dashboard,
                        // its settings; a new conference's form (for admins)
                        .requestMatchers("/*/proposals", "/*/proposals.csv", "/*/dashboard", "/*/settings",
                                "/conferences/new").authenticated()
                        .anyRequest().permitAll();
            }

            /** Submitting and reading the call: the same for everyone (a proposal's own pages are not). */
            @Override
            public RequestMatcher identityFree() {
                PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
                return new OrRequestMatcher(path.matcher(HttpMethod.POST, "/api/conferences/*/proposals"),
                        path.matcher(HttpMethod.GET, "/api/conferences"), path.matcher(HttpMethod.HEAD, "/api/conferences"),
                        path.matcher(HttpMethod.GET, "/api/conferences/*"), path.matcher(HttpMethod.HEAD, "/api/conferences/*"),
                        path.matcher(HttpMethod.GET, "/"), path.matcher(HttpMethod.GET, "/*/"),
                        path.matcher(HttpMethod.POST, "/*/"));
            }
        };
    }
}
