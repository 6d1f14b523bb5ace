package org.cfpflow.schedule;

import org.cfpflow.platform.CfpHttpSecurity;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The published timetable, its stream, page and exports are public; changing it is for organizers. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CfpHttpSecurity cfp) throws Exception {
        return cfp.defaults(http)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .anyRequest().hasRole(Roles.ORGANIZER))
                .build();
    }
}
