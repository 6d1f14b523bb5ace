package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The submission-service on real Kafka, MongoDB and SMTP, reached over HTTP like its users reach it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@CfpInfrastructure
public abstract class SubmissionServiceTest {

    protected static final String ORGANIZER = "organizer@example.org";
    protected static final String CONFERENCE = "lpc2017";

    @LocalServerPort
    protected int port;

    protected TestHttp anonymous;
    protected TestHttp organizer;
    /** The deployment's administrator: creates conferences. */
    protected TestHttp admin;
    protected KafkaProbe kafka;

    @BeforeEach
    void clients(TestInfrastructure infrastructure) {
        anonymous = TestHttp.localhost(port);
        organizer = TestHttp.localhost(port).as(ORGANIZER, "organizer-secret");
        admin = TestHttp.localhost(port).as("admin@example.org", "admin-secret");
        kafka = infrastructure.kafka();
    }

    /**
     * A conference whose call is open now, with the LPC containers track and a second one; {@link #ORGANIZER}
     * organizes it.
     */
    protected Map<String, Object> conference(Instant opens, Instant closes) {
        Map<String, Object> conference = new LinkedHashMap<>();
        conference.put("title", "Linux Plumbers Conference 2017");
        conference.put("timezone", "America/Los_Angeles");
        conference.put("callOpens", opens.toString());
        conference.put("callCloses", closes.toString());
        conference.put("tracks", List.of(
                Map.of("slug", "containers", "name", "Containers micro-conference", "durations", List.of(5, 15, 20),
                        "leads", List.of(Map.of("name", "Stéphane Graber", "email", "stephane.graber@example.org"))),
                Map.of("slug", "kernel", "name", "Kernel summit track", "durations", List.of(20, 30),
                        "leads", List.of())));
        conference.put("team", List.of(Map.of("email", ORGANIZER, "roles", List.of("ORGANIZER"))));
        return conference;
    }

    protected void openCall() {
        Instant now = Instant.now();
        TestHttp.Response response = admin.putJson("/api/conferences/lpc2017",
                conference(now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS)));
        assertThat(response.status()).as(response.body()).isIn(200, 201);
    }

    protected static Map<String, Object> proposal(String title, String... speakerNameEmailPairs) {
        List<Map<String, Object>> speakers = new ArrayList<>();
        for (int i = 0; i + 1 < speakerNameEmailPairs.length; i += 2) {
            speakers.add(new LinkedHashMap<>(Map.of("name", speakerNameEmailPairs[i], "email",
                    speakerNameEmailPairs[i + 1])));
        }
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("title", title);
        proposal.put("abstract", "What this talk is about.");
        proposal.put("description", "How it will go.\nIn two lines.");
        proposal.put("track", "containers");
        proposal.put("durationMinutes", 15);
        proposal.put("speakers", speakers);
        return proposal;
    }

    protected TestHttp.Response submit(Map<String, Object> proposal) {
        return anonymous.postJson("/api/conferences/lpc2017/proposals", proposal);
    }

    protected List<ConsumerRecord<String, byte[]>> events(String topic, String key) {
        return kafka.readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    protected static List<String> types(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> KafkaProbe.header(r, "ce_type")).toList();
    }

    protected long proposalCount() {
        return organizer.get("/api/conferences/lpc2017/proposals?size=1").json().path("page").path("totalElements").asLong();
    }
}
