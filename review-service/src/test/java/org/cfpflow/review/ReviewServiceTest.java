package org.cfpflow.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.ProposalSubmitted;
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

/** The review-service on real Kafka and MongoDB: proposals arrive as events, reviewers work over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@CfpInfrastructure
public abstract class ReviewServiceTest {

    protected static final String CONFERENCE = "lpc2017";
    /**
     * The team of {@link #CONFERENCE}: alice reviews; bob and serge review and decide; lead does both for the kernel
     * track only; organizer organizes.
     */
    protected static final List<TeamMember> TEAM = List.of(
            new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of()),
            new TeamMember("alice@example.org", List.of(TeamRole.REVIEWER), List.of()),
            new TeamMember("bob@example.org", List.of(TeamRole.REVIEWER, TeamRole.DECIDER), List.of()),
            new TeamMember("serge.hallyn@example.org", List.of(TeamRole.REVIEWER, TeamRole.DECIDER), List.of()),
            new TeamMember("lead@example.org", List.of(TeamRole.REVIEWER, TeamRole.DECIDER), List.of("kernel")));
    private static boolean conferenceDefined;

    @LocalServerPort
    protected int port;

    protected TestHttp anonymous;
    protected TestHttp alice;
    protected TestHttp bob;
    protected TestHttp serge;
    protected TestHttp organizer;
    protected KafkaProbe kafka;

    @BeforeEach
    void clients(TestInfrastructure infrastructure) {
        anonymous = TestHttp.localhost(port);
        alice = anonymous.as("alice@example.org", "alice-secret");
        bob = anonymous.as("bob@example.org", "bob-secret");
        serge = anonymous.as("serge.hallyn@example.org", "serge-secret");
        organizer = anonymous.as("organizer@example.org", "organizer-secret");
        kafka = infrastructure.kafka();
        if (!conferenceDefined) {
            publish(conference(CONFERENCE, true, TEAM));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    organizer.get("/api/conferences/" + CONFERENCE + "/reviews/queue").status() == 200);
            conferenceDefined = true;
        }
    }

    /** A conference with the containers and kernel tracks, defined now. */
    protected static ConferenceDefined conference(String conferenceId, boolean blindReview, List<TeamMember> team) {
        List<Track> tracks = List.of(
                new Track("containers", "Containers", List.of(5, 15, 20), List.of(new Person("L", "l@example.org"))),
                new Track("kernel", "Kernel", List.of(15, 30), List.of()));
        return new ConferenceDefined(conferenceId, "LPC " + conferenceId, "UTC", Instant.now(), Instant.now(), tracks,
                blindReview, null, null, team, Instant.now());
    }

    protected static Talk talk(String title, String... speakerNameEmailPairs) {
        List<Speaker> speakers = new ArrayList<>();
        for (int i = 0; i + 1 < speakerNameEmailPairs.length; i += 2) {
            speakers.add(new Speaker(speakerNameEmailPairs[i], speakerNameEmailPairs[i + 1], "Canonical"));
        }
        return new Talk(title, "The abstract of " + title, "The description", "containers", 15, speakers);
    }

    protected ProducerRecord<String, byte[]> publish(CfpEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event, "/test");
        kafka.send(record);
        return record;
    }

    /** Publishes a ProposalSubmitted and waits until the service knows the proposal. */
    protected String submitted(Talk talk) {
        String id = UUID.randomUUID().toString();
        publish(new ProposalSubmitted("lpc2017", id, talk, null, "http://cfp.test/proposals/" + id, null, Instant.now()));
        awaitKnown(id);
        return id;
    }

    protected void awaitKnown(String id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> organizer.get("/api/reviews/proposals/" + id).status() == 200);
    }

    protected List<ConsumerRecord<String, byte[]>> events(String topic, String key) {
        return kafka.readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    protected static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }

    protected static void assertStatus(TestHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
