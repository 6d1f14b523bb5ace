package org.cfpflow.notification;

import org.cfpflow.platform.AccessRules;
import org.cfpflow.platform.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who got which e-mail is for organizers only. */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return requests -> requests.anyRequest().hasRole(Roles.ORGANIZER);
    }
}
