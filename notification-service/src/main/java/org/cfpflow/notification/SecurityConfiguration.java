package org.cfpflow.notification;

import org.cfpflow.platform.CfpHttpSecurity;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Who got which e-mail is for organizers only. */
@Configuration
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CfpHttpSecurity cfp) throws Exception {
        return cfp.defaults(http)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.ORGANIZER))
                .build();
    }
}
