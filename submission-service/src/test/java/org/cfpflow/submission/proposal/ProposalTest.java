package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.cfpflow.events.EventType;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.PendingEvent;
import org.junit.jupiter.api.Test;

/** The proposal's own rules, without Spring or Kafka: what it raises, and the status it derives from what it heard. */
class ProposalTest {

    private static final Instant NOW = Instant.parse("2019-06-01T10:00:00Z");
    private static final Talk TALK = new Talk("Containers in the kernel", "Namespaces.", null, "containers", 20,
            List.of(new Speaker("Christian Brauner", "christian@example.org", null)));
    private static final Slot SLOT = slot(9);

    private final Proposal proposal = Proposal.submit("lpc2017", "p1", TALK, null, "hash", "https://cfp.example/p1", null, NOW);

    @Test
    void aSubmissionRaisesProposalSubmittedAndIsSubmitted() {
        assertThat(proposal.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(types()).containsExactly(EventType.PROPOSAL_SUBMITTED.typeName());
        assertThat(proposal.timeline()).hasSize(1);
    }

    @Test
    void anEditThatChangesNothingRaisesNothing() {
        assertThat(proposal.update(TALK, null, NOW.plusSeconds(60))).isFalse();
        assertThat(proposal.update(TALK, "a note for the reviewers", NOW.plusSeconds(60))).isTrue();
        assertThat(types()).containsExactly(EventType.PROPOSAL_SUBMITTED.typeName(), EventType.PROPOSAL_UPDATED.typeName());
    }

    @Test
    void withdrawingTwiceRaisesOneEventAndWithdrawnOutranksEveryOutcome() {
        proposal.apply(new TalkScheduled("lpc2017", "p1", TALK, SLOT), NOW);
        assertThat(proposal.withdraw(NOW)).isTrue();
        assertThat(proposal.withdraw(NOW)).isFalse();
        assertThat(proposal.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        proposal.apply(new TalkRescheduled("lpc2017", "p1", TALK, slot(10), SLOT), NOW);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.WITHDRAWN);
        assertThat(types()).containsExactly(EventType.PROPOSAL_SUBMITTED.typeName(), EventType.PROPOSAL_WITHDRAWN.typeName());
    }

    @Test
    void theStatusFollowsTheDecisionAndThePlacementInWhateverOrderTheyArrive() {
        // the schedule's event before the review's: scheduled already, the acceptance changes nothing visible
        assertThat(proposal.apply(new TalkScheduled("lpc2017", "p1", TALK, SLOT), NOW)).isTrue();
        assertThat(proposal.status()).isEqualTo(ProposalStatus.SCHEDULED);
        proposal.apply(new ProposalAccepted("lpc2017", "p1", TALK, "welcome", NOW), NOW);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.SCHEDULED);
        assertThat(proposal.decisionNote()).isEqualTo("welcome");
        assertThat(proposal.slot()).isNotNull();

        proposal.apply(new TalkWaitlisted("lpc2017", "p1", TALK, "no room"), NOW);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.WAITLISTED);
        assertThat(proposal.slot()).isNull();

        proposal.apply(new TalkUnscheduled("lpc2017", "p1", TALK, SLOT, "block removed"), NOW);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.ACCEPTED);
    }

    @Test
    void aRejectionOutranksAPlacement() {
        proposal.apply(new TalkScheduled("lpc2017", "p1", TALK, SLOT), NOW);
        proposal.apply(new ProposalRejected("lpc2017", "p1", TALK, "out of scope", NOW), NOW);
        assertThat(proposal.status()).isEqualTo(ProposalStatus.REJECTED);
    }

    @Test
    void onlyItsSpeakersAreItsSpeakersWhateverTheCase() {
        assertThat(proposal.isSpeaker("Christian@Example.org")).isTrue();
        assertThat(proposal.isSpeaker("someone@example.org")).isFalse();
        assertThat(proposal.isSpeaker(null)).isFalse();
    }

    private List<String> types() {
        return proposal.pendingEvents().stream().map(PendingEvent::type).toList();
    }

    private static Slot slot(int hour) {
        LocalDate day = LocalDate.of(2019, 9, 9);
        LocalDateTime start = day.atTime(hour, 0);
        return new Slot("Room 1", day, OffsetDateTime.of(start, ZoneOffset.UTC),
                OffsetDateTime.of(start.plusMinutes(20), ZoneOffset.UTC), start, start.plusMinutes(20));
    }
}
