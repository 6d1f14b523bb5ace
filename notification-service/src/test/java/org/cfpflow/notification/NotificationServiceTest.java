package org.cfpflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.Mailbox;
import org.cfpflow.testsupport.ReceivedMail;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The notification-service on real Kafka, MongoDB and SMTP: events in, e-mails out, read back from the server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@CfpInfrastructure
public abstract class NotificationServiceTest {

    protected static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** The test configuration's key of speakers' calendar links (application-test.yml). */
    protected static final String TEST_CALENDAR_KEY = "Y2FsZW5kYXJrZXljYWxlbmRhcmtleWNhbGVuZGFyMDE=";

    @LocalServerPort
    protected int port;

    protected TestHttp organizer;
    protected KafkaProbe kafka;
    protected Mailbox mailbox;
    protected TestInfrastructure infrastructure;
    /** Speakers' addresses unique to the test, so that its mail is told apart. */
    protected String run;
    private static boolean organizerKnown;

    @BeforeEach
    void clients(TestInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
        organizer = TestHttp.localhost(port).as("organizer@example.org", "organizer-secret");
        kafka = infrastructure.kafka();
        mailbox = infrastructure.mailbox();
        run = UUID.randomUUID().toString().substring(0, 8);
        publish(new ConferenceDefined("lpc2017", "Linux Plumbers Conference 2017", LOS_ANGELES.getId(),
                Instant.parse("2017-06-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"),
                List.of(new Track("containers", "Containers", List.of(5, 15, 20), List.<Person>of())), true, null,
                null, List.of(new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now()));
        if (!organizerKnown) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    organizer.get("/api/notifications?conference=lpc2017&size=1").status() == 200);
            organizerKnown = true;
        }
    }

    protected String email(String who) {
        return who + "." + run + "@example.org";
    }

    protected Talk talk(String title, String... who) {
        List<Speaker> speakers = new ArrayList<>();
        for (String name : who) {
            speakers.add(new Speaker(name, email(name.toLowerCase().replace(' ', '.')), null));
        }
        return new Talk(title, "An abstract", "A description", "containers", 15, speakers);
    }

    protected static Slot slot(String room, String startLocal, int minutes) {
        LocalDateTime start = LocalDateTime.parse(startLocal);
        return new Slot(room, start.toLocalDate(), start.atZone(LOS_ANGELES).toOffsetDateTime(),
                start.plusMinutes(minutes).atZone(LOS_ANGELES).toOffsetDateTime(), start, start.plusMinutes(minutes));
    }

    protected ProducerRecord<String, byte[]> publish(CfpEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event, "/test");
        kafka.send(record);
        return record;
    }

    protected List<ReceivedMail> awaitMail(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.to(recipient), mails -> mails.size() >= count);
    }

    /** Waits for at least one e-mail to each recipient, in one look at the mailbox per poll. */
    protected void awaitMailToEach(List<String> recipients) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mailbox.messages())
                .flatExtracting(ReceivedMail::to).containsAll(recipients));
    }
}
