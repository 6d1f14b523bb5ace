package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.CalendarLinks;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.messaging.SealedTokens;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoTemplate;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import tools.jackson.databind.JsonNode;

class EmailsTest extends NotificationServiceTest {

    @Autowired
    BindingsLifecycleController bindings;

    @Autowired
    MailProperties properties;

    @Autowired
    SealedTokens sealedTokens;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aSubmissionSendsEachSpeakerOneReceiptWithTheEditLink() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Exposing resource limits with LXCFS", "Stéphane Graber", "Serge Hallyn");
        publish(new ProposalSubmitted("lpc2017", id, talk, null, "http://localhost:8081/proposals/" + id,
                sealedTokens.seal("secret", id), Instant.now()));

        for (String who : List.of("stéphane.graber", "serge.hallyn")) {
            ReceivedMail mail = awaitMail(email(who), 1).get(0);
            assertThat(mail.to()).containsExactly(email(who));
            assertThat(mail.subject()).isEqualTo("[Linux Plumbers Conference 2017] We received your proposal "
                    + "“Exposing resource limits with LXCFS”");
            assertThat(mail.text()).contains("Dear ", "http://localhost:8081/proposals/" + id + "?token=secret",
                    "An abstract");
            assertThat(mail.html()).contains("href=\"http://localhost:8081/proposals/" + id + "?token=secret\"");
        }
        assertThat(awaitMail(email("stéphane.graber"), 1).get(0).text()).contains("Dear Stéphane Graber");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode list = organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id).json();
            assertThat(list.path("content")).hasSize(2);
            assertThat(list.path("content").findValuesAsString("status")).containsOnly("SENT");
            assertThat(list.path("content").findValuesAsString("kind")).containsOnly("SUBMITTED");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("cfp.notifications").stream()
                .filter(r -> id.equals(r.key()) && "NotificationSent".equals(KafkaProbe.header(r, "ce_type")))
                .count() == 2);
    }

    @Test
    void theAcceptanceAsksEachSpeakerToConfirmOrDeclineWithTheLinksOfTheirReceipt() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Unprivileged containers", "Christian Brauner");
        String to = email("christian.brauner");
        String page = "http://localhost:8081/proposals/" + id;
        publish(new ProposalSubmitted("lpc2017", id, talk, null, page, sealedTokens.seal("s3cret", id),
                Instant.now()));
        awaitMail(to, 1);
        publish(new ProposalAccepted("lpc2017", id, talk, null, Instant.now()));

        ReceivedMail accepted = awaitMail(to, 2).get(1);
        assertThat(accepted.subject()).contains("Accepted");
        assertThat(accepted.text()).contains("Confirm the talk: " + page + "?token=s3cret&then=confirm",
                "Decline it: " + page + "?token=s3cret&then=decline");
        assertThat(accepted.html()).contains("href=\"" + page + "?token=s3cret&amp;then=confirm\"",
                "href=\"" + page + "?token=s3cret&amp;then=decline\"");
        // kept sealed: the token is in no stored document
        assertThat(mongo.getCollection("editLinks").find().into(new java.util.ArrayList<>()).toString())
                .contains(id).doesNotContain("s3cret");
        assertThat(mongo.getCollection("mails").find().into(new java.util.ArrayList<>()).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void anAcceptanceWhoseReceiptWasNotSeenHasNoLinks() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Seccomp notify", "Tycho Andersen");
        publish(new ProposalAccepted("lpc2017", id, talk, null, Instant.now()));
        ReceivedMail accepted = awaitMail(email("tycho.andersen"), 1).get(0);
        assertThat(accepted.text()).doesNotContain("then=confirm", "token=");
    }

    @Test
    void everyStepHasItsEmail() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("AppSwitch", "Dinesh");
        String to = email("dinesh");
        publish(new ProposalUpdated("lpc2017", id, talk, null, Instant.now()));
        assertThat(awaitMail(to, 1).get(0).subject()).contains("was updated");
        publish(new ProposalAccepted("lpc2017", id, talk, "Great topic", Instant.now()));
        ReceivedMail accepted = awaitMail(to, 2).get(1);
        assertThat(accepted.subject()).contains("Accepted: “AppSwitch”");
        assertThat(accepted.text()).contains("Great topic");
        publish(new TalkWaitlisted("lpc2017", id, talk, "No free slot of 15 minutes"));
        assertThat(awaitMail(to, 3).get(2).text()).contains("waitlist", "in the order they were accepted");
        publish(new TalkScheduled("lpc2017", id, talk, slot("Containers MC room", "2017-09-13T14:20", 15)));
        ReceivedMail scheduled = awaitMail(to, 4).get(3);
        assertThat(scheduled.subject()).contains("is scheduled");
        assertThat(scheduled.text()).contains("Wednesday 13 September 2017", "14:20-14:35", "America/Los_Angeles",
                "Containers MC room");
        String ownCalendar = "http://schedule.test/lpc2017/speakers/" + CalendarLinks.of(TEST_CALENDAR_KEY).orElseThrow()
                .keyOf("lpc2017", to) + ".ics";
        assertThat(scheduled.text()).as("the speaker's own calendar").contains(ownCalendar);
        assertThat(scheduled.html()).contains(ownCalendar).doesNotContain(to);
        assertThat(scheduled.attachments()).singleElement().satisfies(ics -> {
            assertThat(ics.fileName()).isEqualTo("talk.ics");
            Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.content())));
            VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
            assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(id + "@cfp-flow");
            assertThat(event.getSummary().getValue()).isEqualTo("AppSwitch");
            assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        });
        publish(new TalkUnscheduled("lpc2017", id, talk, slot("Containers MC room", "2017-09-13T14:20", 15), "The proposal was withdrawn"));
        assertThat(awaitMail(to, 5).get(4).text()).contains("no longer has a place", "The proposal was withdrawn");
        publish(new ProposalWithdrawn("lpc2017", id, talk, Instant.now()));
        assertThat(awaitMail(to, 6).get(5).subject()).contains("was withdrawn");
        publish(new ProposalRejected("lpc2017", id, talk, "Too many container talks", Instant.now()));
        ReceivedMail rejected = awaitMail(to, 7).get(6);
        assertThat(rejected.text()).contains("we are sorry", "Too many container talks");
    }

    @Test
    void aRedeliveredEventSendsNothing() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Redelivered", "Tycho");
        ProducerRecord<String, byte[]> accepted = publish(new ProposalAccepted("lpc2017", id, talk, null, Instant.now()));
        awaitMail(email("tycho"), 1);
        kafka.send(accepted);
        kafka.send(accepted);
        // a later event for the same speaker proves the copies were consumed
        publish(new ProposalUpdated("lpc2017", id, talk, null, Instant.now()));
        List<ReceivedMail> mails = awaitMail(email("tycho"), 2);
        assertThat(mails).extracting(ReceivedMail::subject).filteredOn(s -> s.contains("Accepted")).hasSize(1);
        assertThat(organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id).json().path("content")).hasSize(2);
    }

    @Test
    void eventsPolledTogetherSendOneEmailEachAndTheirCopiesNone() {
        List<String> speakers = IntStream.range(0, 20).mapToObj(i -> "batch" + i).toList();
        List<String> ids = speakers.stream().map(s -> UUID.randomUUID().toString()).toList();
        // paused, the consumer polls nothing; resumed, its next poll returns every record written meanwhile
        bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.PAUSED);
        try {
            for (int i = 0; i < speakers.size(); i++) {
                kafka.send(publish(new ProposalSubmitted("lpc2017", ids.get(i), talk("Polled with others", speakers.get(i)),
                        null, null, null, Instant.now())));
            }
        }
        finally {
            bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.RESUMED);
        }

        awaitMailToEach(speakers.stream().map(this::email).toList());
        // a later event of the last proposal, after its copy on the same partition, proves the copies were consumed
        String last = speakers.get(speakers.size() - 1);
        publish(new ProposalUpdated("lpc2017", ids.get(ids.size() - 1), talk("Polled with others", last), null, Instant.now()));
        awaitMail(email(last), 2);
        speakers.forEach(speaker -> assertThat(mailbox.to(email(speaker)))
                .filteredOn(mail -> mail.subject().contains("We received")).hasSize(1));
    }

    @Test
    void moreEmailsAtOnceThanOneClaimTakesAreAllSentWithoutASearchOfTheStore() {
        // one claim takes batch-size × connections; the store is searched for what is left only every 5 minutes
        int count = properties.batchSize() * properties.connections() + 30;
        List<String> speakers = IntStream.range(0, count).mapToObj(i -> "many" + i).toList();
        bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.PAUSED);
        try {
            for (String speaker : speakers) {
                kafka.send(publish(new ProposalSubmitted("lpc2017", UUID.randomUUID().toString(), talk("One of many", speaker),
                        null, null, null, Instant.now())));
            }
        }
        finally {
            bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.RESUMED);
        }
        awaitMailToEach(speakers.stream().map(this::email).toList());
    }

    @Test
    void movesWithinTheWindowMakeOneEmailWithTheFinalSlot() {
        String id = UUID.randomUUID().toString();
        Talk talk = talk("Moved about", "Christian");
        publish(new TalkRescheduled("lpc2017", id, talk, slot("Room A", "2017-09-13T15:00", 15), slot("Room A", "2017-09-13T14:00", 15)));
        publish(new TalkRescheduled("lpc2017", id, talk, slot("Room B", "2017-09-13T16:00", 15), slot("Room A", "2017-09-13T15:00", 15)));
        publish(new TalkRescheduled("lpc2017", id, talk, slot("Room C", "2017-09-13T17:00", 15), slot("Room B", "2017-09-13T16:00", 15)));

        ReceivedMail mail = awaitMail(email("christian"), 1).get(0);
        assertThat(mail.text()).contains("Room C", "17:00-17:15", "It was on Wednesday 13 September 2017 at 14:00 in Room A")
                .doesNotContain("Room B");
        // the window has closed and the one e-mail went: nothing else is waiting
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                organizer.get("/api/notifications?conference=lpc2017&proposalId=" + id + "&status=PENDING").json().path("content")).isEmpty());
        assertThat(mailbox.to(email("christian"))).hasSize(1);
    }

    @Test
    void aHostileTitleIsInertInBothPartsAndInTheHeaders() {
        String id = UUID.randomUUID().toString();
        Talk talk = new Talk("<script>alert(1)</script> Bcc: victim@example.org", "<img src=x onerror=alert(2)>",
                "d", "containers", 15, List.of(new org.cfpflow.events.Speaker("Mallory <b>M</b>", email("mallory"), null)));
        publish(new ProposalSubmitted("lpc2017", id, talk, null, null, null, Instant.now()));

        ReceivedMail mail = awaitMail(email("mallory"), 1).get(0);
        assertThat(mail.subject()).contains("<script>alert(1)</script> Bcc: victim@example.org");
        assertThat(mail.to()).containsExactly(email("mallory"));
        assertThat(mailbox.to("victim@example.org")).isEmpty();
        assertThat(mail.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;",
                "Mallory &lt;b&gt;M&lt;/b&gt;").doesNotContain("<script>", "<img", "<b>M");
        assertThat(mail.text()).contains("<script>alert(1)</script>");
    }

    /** A line break that would start a header cannot even be an event: the forged record goes to the DLQ, unsent. */
    @Test
    void aForgedTitleWithALineBreakIsDeadLetteredNotMailed() {
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(new ProposalSubmitted("lpc2017", id, talk("Forged",
                "Forged Speaker"), null, null, null, Instant.now()), "/test");
        String forged = new String(record.value(), StandardCharsets.UTF_8)
                .replace("\"title\":\"Forged\"", "\"title\":\"Forged\\r\\nBcc: victim@example.org\"");
        kafka.send(new ProducerRecord<>(record.topic(), null, id, forged.getBytes(StandardCharsets.UTF_8),
                record.headers()));

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.readAll("cfp.proposals.notification-service.dlq")
                .stream().anyMatch(r -> id.equals(r.key())));
        assertThat(mailbox.to(email("forged.speaker"))).isEmpty();
        assertThat(mailbox.to("victim@example.org")).isEmpty();
    }
}
