package org.cfpflow.submission;

import org.cfpflow.platform.AccessRules;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The call, the form and submitting are public; a proposal is reached with its edit token (checked by
 * {@code Proposals}) or as organizer; defining the conference and listing proposals are for organizers.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return new AccessRules() {

            @Override
            public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
                requests.requestMatchers(HttpMethod.PUT, "/api/conference").hasRole(Roles.ORGANIZER)
                        .requestMatchers(HttpMethod.POST, "/api/proposals").permitAll()
                        // listing, whatever the method (GET, HEAD, OPTIONS): organizers only
                        .requestMatchers("/api/proposals").hasRole(Roles.ORGANIZER)
                        .anyRequest().permitAll();
            }

            /** Submitting and reading the call: the same for everyone (a proposal's own pages are not). */
            @Override
            public RequestMatcher identityFree() {
                PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
                return new OrRequestMatcher(path.matcher(HttpMethod.POST, "/api/proposals"),
                        path.matcher(HttpMethod.GET, "/api/conference"), path.matcher(HttpMethod.HEAD, "/api/conference"),
                        path.matcher(HttpMethod.GET, "/"), path.matcher(HttpMethod.POST, "/"));
            }
        };
    }
}
