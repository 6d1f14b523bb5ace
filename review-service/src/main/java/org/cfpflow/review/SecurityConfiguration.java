package org.cfpflow.review;

import org.cfpflow.platform.CfpHttpSecurity;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Reviewers review; reviewers with decision rights (DECIDER) and organizers decide. Only health is public. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CfpHttpSecurity cfp) throws Exception {
        return cfp.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/reviews/proposals/*/decision",
                                "/board/proposals/*/decision").hasAnyRole(Roles.DECIDER, Roles.ORGANIZER)
                        .anyRequest().hasAnyRole(Roles.REVIEWER, Roles.DECIDER, Roles.ORGANIZER))
                .build();
    }
}
