package org.cfpflow.submission;

import org.cfpflow.platform.AccessRules;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The call, the form and submitting are public; a proposal is reached with its edit token (checked by
 * {@code Proposals}) or as organizer; defining the conference and listing proposals are for organizers.
 */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.PUT, "/api/conference").hasRole(Roles.ORGANIZER)
                .requestMatchers(HttpMethod.POST, "/api/proposals").permitAll()
                // listing, whatever the method (GET, HEAD, OPTIONS): organizers only
                .requestMatchers("/api/proposals").hasRole(Roles.ORGANIZER)
                .anyRequest().permitAll();
    }
}
