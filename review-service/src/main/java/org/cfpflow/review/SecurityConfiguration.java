package org.cfpflow.review;

import org.cfpflow.platform.AccessRules;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Reviewers review; reviewers with decision rights (DECIDER) and organizers decide. Only health is public. */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.POST, "/api/reviews/proposals/*/decision", "/board/proposals/*/decision")
                .hasAnyRole(Roles.DECIDER, Roles.ORGANIZER)
                .anyRequest().hasAnyRole(Roles.REVIEWER, Roles.DECIDER, Roles.ORGANIZER);
    }
}
