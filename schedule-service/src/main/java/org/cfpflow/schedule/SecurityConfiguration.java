package org.cfpflow.schedule;

import org.cfpflow.platform.AccessRules;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The published timetable, its stream, page and exports are public; changing it is for organizers. */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .anyRequest().hasRole(Roles.ORGANIZER);
    }
}
