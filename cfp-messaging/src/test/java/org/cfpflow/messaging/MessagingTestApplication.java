package org.cfpflow.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A service in miniature: one aggregate that raises events, one that counts what it consumed. */
@SpringBootApplication
class MessagingTestApplication {

    @Bean
    CfpEventHandler tallyHandler(TallyRepository tallies) {
        return event -> {
            Tally tally = tallies.findById(event.subject()).orElseGet(() -> new Tally(event.subject()));
            if (tally.markHandled(event.id())) {
                tally.count(event.type());
                tallies.save(tally);
            }
        };
    }
}
