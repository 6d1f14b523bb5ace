package org.cfpflow.submission;

import java.time.Clock;

import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.messaging.TokenKeys;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@EnableConfigurationProperties(TokenKeys.class)
public class SubmissionApplication {

    public static void main(String[] args) {
        SpringApplication.run(SubmissionApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Seals edit tokens for the notification-service (which holds the same keys); refuses to start without a key. */
    @Bean
    SealedTokens sealedTokens(TokenKeys keys) {
        return new SealedTokens(keys);
    }
}
