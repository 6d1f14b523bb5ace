package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Person;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.ReceivedMail;
import org.cfpflow.testsupport.SettableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A conference that reminds its accepted speakers to confirm (every hour here): two reminders at their times, on a
 * clock the test moves forward; none once the speakers have confirmed.
 */
@Import(ConfirmRemindersTest.Clocks.class)
class ConfirmRemindersTest extends NotificationServiceTest {

    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    SealedTokens sealedTokens;

    private void defineRemindingConference() {
        publish(new ConferenceDefined("lpc2019", "Linux Plumbers Conference 2019", "Europe/Lisbon",
                Instant.parse("2019-03-01T00:00:00Z"), Instant.parse("2019-06-01T00:00:00Z"),
                List.of(new Track("containers", "Containers", List.of(15, 20, 25), List.<Person>of())), true, null,
                null, List.of(new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now(), new Confirmation(Duration.ofHours(1), true)));
    }

    private String submittedAndAccepted(Talk talk) {
        String id = UUID.randomUUID().toString();
        publish(new ProposalSubmitted("lpc2019", id, talk, null, "http://localhost:8081/proposals/" + id,
                sealedTokens.seal("t0ken", id), Instant.now()));
        awaitMail(talk.speakers().get(0).email(), 1);
        publish(new ProposalAccepted("lpc2019", id, talk, null, clock.instant()));
        awaitMail(talk.speakers().get(0).email(), 2);
        return id;
    }

    @Test
    void unconfirmedSpeakersGetTwoRemindersAtTheirTimesTheSecondNamingTheDeadline() {
        defineRemindingConference();
        Talk talk = new Talk("Reminded", "a", "d", "containers", 20, List.of(
                new org.cfpflow.events.Speaker("Ana", email("ana"), null),
                new org.cfpflow.events.Speaker("Bo", email("bo"), null)));
        // the conference copy is read by the same consumer, before the acceptance
        String id = submittedAndAccepted(talk);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.to(email("ana")).size() == 2);

        clock.advance(Duration.ofMinutes(61));
        for (String who : List.of("ana", "bo")) {
            ReceivedMail first = awaitMail(email(who), 3).get(2);
            assertThat(first.subject()).isEqualTo("[Linux Plumbers Conference 2019] Please confirm your talk “Reminded”");
            assertThat(first.text()).contains("?token=t0ken&then=confirm", "?token=t0ken&then=decline")
                    .doesNotContain("If we have not heard");
        }
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.to(email("ana")).size() == 3);

        clock.advance(Duration.ofMinutes(60));
        ReceivedMail second = awaitMail(email("ana"), 4).get(3);
        assertThat(second.subject()).contains("Please confirm");
        assertThat(second.text()).contains("If we have not heard from you by", "its slot goes to a talk on the waitlist");
        assertThat(awaitMail(email("bo"), 4)).hasSize(4);

        clock.advance(Duration.ofHours(5));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.to(email("ana")).size() == 4);
        assertThat(organizer.get("/api/notifications?conference=lpc2019&proposalId=" + id + "&kind=CONFIRM_REMINDER")
                .json().path("content").findValuesAsString("status")).containsOnly("SENT").hasSize(4);
    }

    @Test
    void speakersWhoConfirmedGetNoReminder() {
        defineRemindingConference();
        Talk talk = new Talk("Confirmed early", "a", "d", "containers", 20, List.of(
                new org.cfpflow.events.Speaker("Cy", email("cy"), null)));
        String id = submittedAndAccepted(talk);
        await().atMost(Duration.ofSeconds(10)).until(() -> organizer.get("/api/notifications?conference=lpc2019"
                + "&proposalId=" + id + "&kind=CONFIRM_REMINDER").json().path("content").size() == 2);
        publish(new ProposalConfirmed("lpc2019", id, talk, Instant.now()));
        await().atMost(Duration.ofSeconds(10)).until(() -> organizer.get("/api/notifications?conference=lpc2019"
                + "&proposalId=" + id + "&kind=CONFIRM_REMINDER").json().path("content").isEmpty());

        clock.advance(Duration.ofHours(3));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.to(email("cy")).size() == 2);
    }
}
