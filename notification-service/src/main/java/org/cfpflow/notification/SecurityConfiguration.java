package org.cfpflow.notification;

import org.cfpflow.platform.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who got which e-mail is for a conference's organizers only: signed in here, its team checked by the service. */
@Configuration
class SecurityConfiguration {

    @Bean
    AccessRules accessRules() {
        return requests -> requests.anyRequest().authenticated();
    }
}
