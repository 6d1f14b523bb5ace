package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;

import com.mongodb.client.model.Filters;

@SpringBootTest
@CfpInfrastructure
class AggregatesTest {

    @Autowired
    Aggregates aggregates;

    @Autowired
    TallyRepository tallies;

    @Autowired
    SampleRepository samples;

    @Autowired
    OutboxRelay relay;

    @Test
    void savesNewAndChangedAggregatesInOneGoAsARepositoryWould() {
        Tally stored = tallies.save(tally("ProposalSubmitted"));
        Tally read = aggregates.findAll(Tally.class, List.of(stored.id(), "not-stored")).get(stored.id());
        read.count("ProposalAccepted");
        Tally fresh = tally("ProposalSubmitted");

        aggregates.saveAll(Tally.class, List.of(read, fresh));

        assertThat(tallies.findById(stored.id()).orElseThrow().handledTypes())
                .containsExactly("ProposalSubmitted", "ProposalAccepted");
        assertThat(tallies.findById(fresh.id()).orElseThrow().handledTypes()).containsExactly("ProposalSubmitted");
        // versions as the repository keeps them: a save of the copy just written succeeds, of the stale one fails
        Tally again = tallies.findById(stored.id()).orElseThrow();
        read.count("TalkScheduled");
        aggregates.saveAll(Tally.class, List.of(read));
        again.count("TalkWaitlisted");
        assertThatThrownBy(() -> tallies.save(again)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tallies.findById(stored.id()).orElseThrow().handledTypes())
                .containsExactly("ProposalSubmitted", "ProposalAccepted", "TalkScheduled");
    }

    @Test
    void aChangeMadeMeanwhileFailsTheBatchKeepsThatChangeAndWritesTheRest() {
        Tally contested = tallies.save(tally("ProposalSubmitted"));
        Tally other = tallies.save(tally("ProposalSubmitted"));
        Map<String, Tally> read = aggregates.findAll(Tally.class, List.of(contested.id(), other.id()));
        Tally meanwhile = tallies.findById(contested.id()).orElseThrow();
        meanwhile.count("ProposalWithdrawn");
        tallies.save(meanwhile);

        read.values().forEach(t -> t.count("ProposalAccepted"));
        assertThatThrownBy(() -> aggregates.saveAll(Tally.class, read.values()))
                .isInstanceOf(OptimisticLockingFailureException.class).hasMessageContaining("1 of 2");

        assertThat(tallies.findById(contested.id()).orElseThrow().handledTypes())
                .containsExactly("ProposalSubmitted", "ProposalWithdrawn");
        assertThat(tallies.findById(other.id()).orElseThrow().handledTypes())
                .containsExactly("ProposalSubmitted", "ProposalAccepted");
    }

    @Test
    void aNewAggregateCreatedMeanwhileFailsTheBatch() {
        Tally mine = tally("ProposalSubmitted");
        Tally theirs = new Tally(mine.id());
        theirs.count("ProposalUpdated");
        tallies.save(theirs);

        assertThatThrownBy(() -> aggregates.saveAll(Tally.class, List.of(mine)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tallies.findById(mine.id()).orElseThrow().handledTypes()).containsExactly("ProposalUpdated");
    }

    @Test
    void insertNewLeavesOutWhatIsTakenAndSaysWhatItInserted() {
        Tally taken = tallies.save(tally("ProposalSubmitted"));
        Tally claim = new Tally(taken.id());
        claim.count("ProposalUpdated");
        Tally fresh = tally("ProposalUpdated");

        assertThat(aggregates.insertNew(Tally.class, List.of(claim, fresh))).containsExactly(fresh.id());

        assertThat(tallies.findById(taken.id()).orElseThrow().handledTypes()).containsExactly("ProposalSubmitted");
        assertThat(tallies.findById(fresh.id()).orElseThrow().handledTypes()).containsExactly("ProposalUpdated");
    }

    @Test
    void appliesAPollsEventsToTheAggregatesTheyAreAboutOnceEach() {
        Tally stored = tallies.save(tally("ProposalSubmitted"));
        String fresh = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        ReceivedEvent accepted = event(stored.id(), "ProposalAccepted");
        List<ReceivedEvent> poll = List.of(accepted, event(fresh, "ProposalSubmitted"), event(unknown, "TalkScheduled"),
                accepted, event(fresh, "ProposalUpdated"));

        aggregates.applyAll(Tally.class, poll, e -> e.subject().equals(unknown) ? null : new Tally(e.subject()),
                (tally, e) -> {
                    tally.count(e.type());
                    return true;
                });

        assertThat(tallies.findById(stored.id()).orElseThrow().handledTypes())
                .containsExactly("ProposalSubmitted", "ProposalAccepted");
        assertThat(tallies.findById(fresh).orElseThrow().handledTypes())
                .containsExactly("ProposalSubmitted", "ProposalUpdated");
        assertThat(tallies.findById(unknown)).isEmpty();
    }

    @Test
    void appendsOncePerEventWithoutReadingAndSaysWhichAggregatesAreNotStored() {
        Tally stored = tallies.save(tally("ProposalSubmitted"));
        Tally readBefore = tallies.findById(stored.id()).orElseThrow();
        ReceivedEvent sent = event(stored.id(), "NotificationSent");
        ReceivedEvent aboutUnknown = event(UUID.randomUUID().toString(), "NotificationSent");

        assertThat(aggregates.appendAll(Tally.class, List.of(sent, aboutUnknown, sent), "handledTypes",
                ReceivedEvent::type)).containsExactly(aboutUnknown);
        // delivered again: changes nothing, and is not taken for an event about an unknown aggregate
        assertThat(aggregates.appendAll(Tally.class, List.of(sent), "handledTypes", ReceivedEvent::type)).isEmpty();

        Tally stale = tallies.findById(stored.id()).orElseThrow();
        assertThat(stale.handledTypes()).containsExactly("ProposalSubmitted", "NotificationSent");
        assertThat(stale.markHandled(sent.id())).isFalse();
        assertThat(tallies.findById(aboutUnknown.subject())).isEmpty();
        // the version moved on: a whole save of a copy read before the append fails instead of dropping it
        readBefore.count("ProposalWithdrawn");
        assertThatThrownBy(() -> tallies.save(readBefore)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void eventsRaisedByAggregatesSavedTogetherAreRelayed() {
        Sample first = new Sample(UUID.randomUUID().toString());
        first.submit("Containers and checkpoint/restore");
        Sample second = new Sample(UUID.randomUUID().toString());
        second.submit("Unprivileged containers");

        aggregates.saveAll(Sample.class, List.of(first, second));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(samples.findById(first.id()).orElseThrow().pendingEvents()).isEmpty();
            assertThat(samples.findById(second.id()).orElseThrow().pendingEvents()).isEmpty();
        });
    }

    @Test
    void anUpdateWritesWhileItsGuardHoldsAndAWholeSaveOfAnOlderCopyThenFails() {
        Tally tally = tally("ProposalSubmitted");
        aggregates.insert(tally);
        assertThatThrownBy(() -> aggregates.insert(new Tally(tally.id())))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Tally older = tallies.findById(tally.id()).orElseThrow();

        tally.markHandled("accepted-1");
        tally.count("ProposalAccepted");
        aggregates.update(Tally.class, tally, Filters.size("handledTypes", 1),
                new Document("$push", new Document("handledTypes", "ProposalAccepted")));
        tally.count("TalkScheduled");
        assertThatThrownBy(() -> aggregates.update(Tally.class, tally, Filters.size("handledTypes", 1),
                new Document("$push", new Document("handledTypes", "TalkScheduled"))))
                .isInstanceOf(OptimisticLockingFailureException.class);

        Tally stored = tallies.findById(tally.id()).orElseThrow();
        assertThat(stored.handledTypes()).containsExactly("ProposalSubmitted", "ProposalAccepted");
        assertThat(stored.markHandled("accepted-1")).isFalse();
        older.count("ProposalWithdrawn");
        assertThatThrownBy(() -> tallies.save(older)).isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void anUpdateAddsTheEventsRaisedSinceAndLeavesThoseTheRelayRemovedMeanwhile() {
        Sample sample = new Sample(UUID.randomUUID().toString());
        sample.submit("Containers and checkpoint/restore");
        aggregates.insert(sample);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> samples.findById(sample.id()).orElseThrow().pendingEvents().isEmpty());
        long published = relay.publishedCount();

        sample.submit("Unprivileged containers");
        aggregates.update(Sample.class, sample, Filters.empty(), new Document());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> samples.findById(sample.id()).orElseThrow().pendingEvents().isEmpty());
        // the first event, published before the update, is not put back and published again
        assertThat(relay.publishedCount() - published).isEqualTo(1);
    }

    private static ReceivedEvent event(String subject, String type) {
        return new ReceivedEvent(UUID.randomUUID().toString(), type, "/test", subject, Instant.now(), "cfp.proposals",
                null, null);
    }

    private static Tally tally(String type) {
        Tally tally = new Tally(UUID.randomUUID().toString());
        tally.count(type);
        return tally;
    }
}
