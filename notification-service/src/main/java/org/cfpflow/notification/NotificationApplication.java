package org.cfpflow.notification;

import java.time.Clock;

import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.messaging.TokenKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableConfigurationProperties(TokenKeys.class)
public class NotificationApplication {

    public static void main(String[] args) {
        // Jakarta Mail otherwise looks its stream provider up with a ServiceLoader for every message it builds
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
        SpringApplication.run(NotificationApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Opens the edit tokens the submission-service sealed (the same keys); refuses to start without a key. */
    @Bean
    SealedTokens sealedTokens(TokenKeys keys) {
        return new SealedTokens(keys);
    }
}
