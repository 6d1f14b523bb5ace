package org.cfpflow.review;

import org.cfpflow.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Only health is public; everything else is for a conference's team, which the service checks: reviewers review
 * (their tracks), deciders and organizers decide.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return requests -> requests.anyRequest().authenticated();
    }
}
