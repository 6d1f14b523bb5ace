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
                .requestMatchers(HttpMethod.OPTIONS, "/api/timetable/blocks", "/api/timetable/talks/**")
                .hasRole(Roles.ORGANIZER)
                // reading is public, whatever the method a client reads with
                .requestMatchers(HttpMethod.GET, "/**").permitAll()
                .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                .anyRequest().hasRole(Roles.ORGANIZER);
    }
}
