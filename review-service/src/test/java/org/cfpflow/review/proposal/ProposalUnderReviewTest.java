package org.cfpflow.review.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.EventType;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.PendingEvent;
import org.junit.jupiter.api.Test;

/** The reviewers' copy of a proposal, without Spring or Kafka: content order, reviews, scores, decisions. */
class ProposalUnderReviewTest {

    private static final Instant T0 = Instant.parse("2019-06-01T10:00:00Z");

    private final ProposalUnderReview proposal = new ProposalUnderReview("p1");

    @Test
    void newerContentWinsOverOlderWhateverTheOrderOfArrival() {
        proposal.apply(new ProposalUpdated("lpc2017", "p1", talk("Second title"), null, T0.plusSeconds(60)));
        proposal.apply(new ProposalSubmitted("lpc2017", "p1", talk("First title"), null, null, null, T0));
        assertThat(proposal.talk().title()).isEqualTo("Second title");
        assertThat(proposal.submittedAt()).isEqualTo(T0);
        assertThat(proposal.isKnown()).isTrue();
    }

    @Test
    void aWithdrawalAloneKeepsTheContentButIsNotAKnownProposalAndStaysWithdrawn() {
        proposal.apply(new ProposalWithdrawn("lpc2017", "p1", talk("Gone"), T0));
        assertThat(proposal.withdrawn()).isTrue();
        assertThat(proposal.isKnown()).isFalse();
        assertThat(proposal.talk().title()).isEqualTo("Gone");
        proposal.apply(new ProposalSubmitted("lpc2017", "p1", talk("Gone"), null, null, null, T0.minusSeconds(5)));
        assertThat(proposal.withdrawn()).isTrue();
    }

    @Test
    void aReviewersSecondReviewReplacesTheFirstAndTheScoresFollow() {
        proposal.review("Alice@example.org", 1, "weak", T0);
        proposal.review("bob@example.org", 4, "good", T0);
        proposal.review("alice@example.org", 3, "better after the edit", T0.plusSeconds(60));
        assertThat(proposal.reviewCount()).isEqualTo(2);
        assertThat(proposal.meanScore()).isEqualTo(3.5);
        assertThat(proposal.medianScore()).isEqualTo(3.5);
        proposal.review("carol@example.org", 0, "no", T0);
        assertThat(proposal.medianScore()).isEqualTo(3.0);
    }

    @Test
    void noReviewsNoMedian() {
        assertThat(proposal.medianScore()).isNull();
    }

    @Test
    void theSameDecisionTwiceRaisesOneEventAndAChangeOfMindAnother() {
        proposal.apply(new ProposalSubmitted("lpc2017", "p1", talk("Decided"), null, null, null, T0));
        assertThat(proposal.decide(Outcome.ACCEPTED, "welcome", "lead@example.org", T0)).isTrue();
        assertThat(proposal.decide(Outcome.ACCEPTED, "again", "lead@example.org", T0)).isFalse();
        assertThat(proposal.decisionNote()).isEqualTo("welcome");
        assertThat(proposal.decide(Outcome.REJECTED, "on second thought", "lead@example.org", T0)).isTrue();
        assertThat(proposal.pendingEvents().stream().map(PendingEvent::type)).containsExactly(
                EventType.PROPOSAL_ACCEPTED.typeName(), EventType.PROPOSAL_REJECTED.typeName());
    }

    @Test
    void speakersAreKnownByAddressWhateverTheCaseAndTheScheduleIsFollowed() {
        proposal.apply(new ProposalSubmitted("lpc2017", "p1", talk("Mine"), null, null, null, T0));
        assertThat(proposal.isSpeaker("STEPHANE@example.org")).isTrue();
        assertThat(proposal.isSpeaker("lead@example.org")).isFalse();
        assertThat(proposal.apply(new TalkWaitlisted("lpc2017", "p1", proposal.talk(), "full"))).isTrue();
        assertThat(proposal.scheduled()).isFalse();
    }

    private static Talk talk(String title) {
        return new Talk(title, "An abstract.", null, "containers", 20,
                List.of(new Speaker("Stéphane Graber", "stephane@example.org", null)));
    }
}
