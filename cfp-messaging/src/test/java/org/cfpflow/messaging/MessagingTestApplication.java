package org.cfpflow.messaging;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** A service in miniature: one aggregate that raises events, one that counts what it consumed. */
@SpringBootApplication
class MessagingTestApplication {

    /** The most events one {@code handleAll} call was given: more than one only when consuming in batches. */
    static final AtomicInteger LARGEST_BATCH = new AtomicInteger();

    @Bean
    InsertGate insertGate() {
        return new InsertGate();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer insertGateListener(InsertGate gate) {
        return settings -> settings.addCommandListener(gate);
    }

    @Bean
    CfpEventHandler tallyHandler(TallyRepository tallies) {
        return new CfpEventHandler() {
            @Override
            public void handle(ReceivedEvent event) {
                Tally tally = tallies.findById(event.subject()).orElseGet(() -> new Tally(event.subject()));
                if (tally.markHandled(event.id())) {
                    tally.count(event.type());
                    tallies.save(tally);
                }
            }

            @Override
            public void handleAll(List<ReceivedEvent> events) {
                LARGEST_BATCH.accumulateAndGet(events.size(), Math::max);
                CfpEventHandler.super.handleAll(events);
            }
        };
    }
}
