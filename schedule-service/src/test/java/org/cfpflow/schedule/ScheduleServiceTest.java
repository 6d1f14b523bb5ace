package org.cfpflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.Publish;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The schedule-service on real Kafka and MongoDB. Each test works in a conference of its own (organized by
 * organizer@example.org), with a track and rooms of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@CfpInfrastructure
public abstract class ScheduleServiceTest {

    @LocalServerPort
    protected int port;

    protected TestHttp anonymous;
    protected TestHttp organizer;
    protected KafkaProbe kafka;
    protected String track;
    protected String conferenceId;

    @BeforeEach
    void clients(TestInfrastructure infrastructure) {
        anonymous = TestHttp.localhost(port);
        organizer = anonymous.as("organizer@example.org", "organizer-secret");
        kafka = infrastructure.kafka();
        track = "t" + UUID.randomUUID().toString().substring(0, 8);
        conferenceId = "c" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Defines the conference with this test's track and waits until the service knows it. */
    protected void conference(String timezone) {
        conference(timezone, Publish.LIVE);
    }

    /** Defines the conference with this test's track, publishing as given, and waits until the service knows it. */
    protected void conference(String timezone, Publish publish) {
        publish(new ConferenceDefined(conferenceId, "Linux Plumbers Conference 2017", timezone,
                Instant.parse("2017-06-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"),
                List.of(new Track(track, "Track " + track, List.of(5, 15, 20, 30), List.<Person>of())), true, null,
                null, List.of(new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now(), null, publish));
        await().atMost(Duration.ofSeconds(30)).until(() -> blocks(List.of()).status() == 200);
    }

    protected TestHttp.Response blocks(List<Map<String, Object>> blocks) {
        return organizer.putJson("/api/conferences/" + conferenceId + "/timetable/blocks", Map.of("blocks", blocks));
    }

    protected Map<String, Object> block(String room, String start, String end, Map<String, Object>... breaks) {
        return Map.of("track", track, "room", room, "start", start, "end", end, "breaks", List.of(breaks));
    }

    protected Talk talk(String title, int minutes, String... emails) {
        List<Speaker> speakers = new ArrayList<>();
        for (String email : emails) {
            speakers.add(new Speaker(email.substring(0, email.indexOf('@')), email, null));
        }
        return new Talk(title, "Abstract of " + title, "d", track, minutes, speakers);
    }

    protected ProducerRecord<String, byte[]> publish(CfpEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event, "/test");
        kafka.send(record);
        return record;
    }

    protected List<ConsumerRecord<String, byte[]>> schedule(String proposalId, int atLeast) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll("cfp.schedule").stream().filter(r -> proposalId.equals(r.key())).toList(),
                        records -> records.size() >= atLeast);
    }

    protected static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }

    protected static void assertStatus(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
