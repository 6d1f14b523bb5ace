package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cfpflow.submission.proposal.ProposalStatusFromEventsTest.TALK;
import static org.cfpflow.submission.proposal.ProposalStatusFromEventsTest.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.cfpflow.events.NotificationSent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.submission.SubmissionServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.context.annotation.Bean;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * The service reads its three topics with one consumer: a decision's events that wait on different topics come in
 * one poll and are saved together, not one poll and one write per topic.
 */
class OutcomesInOnePollTest extends SubmissionServiceTest {

    private static final String CONSUMER = "cfpEvents-in-0";
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    ProposalRepository proposals;

    @Autowired
    ProposalWrites writes;

    @Test
    void aDecisionsEventsOnThreeTopicsAreSavedInOneWriteAndTheirEmailInOneMore() {
        openCall();
        String id = submit(proposal("LXCFS", "Serge Hallyn", "serge@example.org")).json().path("id").asString();
        // once its own event is relayed, the proposal's document is written only by what it consumes
        await().atMost(Duration.ofSeconds(30)).until(() -> proposals.findById(id).orElseThrow().pendingEvents().isEmpty());

        bindings.changeState(CONSUMER, State.STOPPED);
        int writesBefore = writes.about(id).size();
        try {
            kafka.send(CloudEventRecords.of(new ProposalAccepted("lpc2017", id, TALK, null, Instant.now()), "/test"));
            kafka.send(CloudEventRecords.of(new TalkScheduled("lpc2017", id, TALK, slot(14)), "/test"));
            kafka.send(CloudEventRecords.of(new NotificationSent("lpc2017", "n-1", id, "serge@example.org", "SCHEDULED", 1,
                    Instant.now()), "/test"));
        }
        finally {
            bindings.changeState(CONSUMER, State.STARTED);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(proposals.findById(id).orElseThrow()
                .timeline()).extracting(TimelineEntry::type)
                .containsExactly("ProposalSubmitted", "ProposalAccepted", "TalkScheduled", "NotificationSent"));
        assertThat(proposals.findById(id).orElseThrow().status()).isEqualTo(ProposalStatus.SCHEDULED);
        // one for the outcomes (accepted, scheduled) and one for the e-mail sent; a consumer per topic polled three
        // times and wrote three times, four when its writes crossed
        List<String> all = writes.about(id);
        List<String> after = all.subList(writesBefore, all.size());
        assertThat(after).as("writes of the proposal after its event was relayed: %s", after.stream()
                .map(command -> command.substring(0, Math.min(command.length(), 200))).toList()).hasSize(2);
    }

    /** The write commands sent to the proposals collection, as JSON. */
    static class ProposalWrites implements CommandListener {

        private final Queue<String> commands = new ConcurrentLinkedQueue<>();

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (WRITES.contains(event.getCommandName())
                    && "proposals".equals(event.getCommand().get(event.getCommandName()).asString().getValue())) {
                commands.add(event.getCommand().toJson());
            }
        }

        List<String> about(String id) {
            return commands.stream().filter(command -> command.contains(id)).toList();
        }
    }

    @TestConfiguration
    static class WritesRecorded {

        @Bean
        ProposalWrites proposalWrites() {
            return new ProposalWrites();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer proposalWritesListener(ProposalWrites writes) {
            return settings -> settings.addCommandListener(writes);
        }
    }
}
