package org.cfpflow.schedule;

import org.cfpflow.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A conference's published timetable, its page, exports and releases are public, and so are the working timetable and
 * its stream while it publishes LIVE; changing it is for the conference's organizers.
 */
@Configuration
class SecurityConfiguration {

    /** The working timetable and its stream, in the API and for the editor's page: never identity-free. */
    private static final java.util.regex.Pattern WORKING = java.util.regex.Pattern
            .compile("^(/api/conferences/[^/]+/timetable(/stream)?/?|/[^/]+/timetable(\\.json|/.*)?)$");

    @Bean
    AccessRules accessRules() {
        return new AccessRules() {

            @Override
            public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
                requests.requestMatchers(HttpMethod.OPTIONS, "/api/conferences/*/timetable/blocks",
                                "/api/conferences/*/timetable/talks/**").authenticated()
                        // the timetable editor: its page, what it reads and follows, for the conference's organizers
                        .requestMatchers("/*/timetable", "/*/timetable.json", "/*/timetable/**").authenticated()
                        // reading is public, whatever the method a client reads with
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        // changing a timetable: its conference's organizers, checked by the service
                        .anyRequest().authenticated();
            }

            /**
             * Reading the public schedule, its page, exports and releases: the same for everyone (not the actuator,
             * nor the working timetable and its stream, which are its organizers' under RELEASES).
             */
            @Override
            public RequestMatcher identityFree() {
                return request -> ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                        && !request.getRequestURI().startsWith(request.getContextPath() + "/actuator")
                        && !WORKING.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
            }
        };
    }
}
