package org.cfpflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cfpflow.notification.NotificationApplication;
import org.cfpflow.review.ReviewApplication;
import org.cfpflow.schedule.ScheduleApplication;
import org.cfpflow.submission.SubmissionApplication;
import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.InfrastructureMode;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.ReceivedMail;
import org.cfpflow.testsupport.SharedFiles;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import net.fortuna.ical4j.data.CalendarBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The LPC 2017 containers micro-conference through the whole system, as its users would drive it. */
@CfpInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LpcScenarioTest {

    private static RunningSystem system;
    private static TestInfrastructure infrastructure;

    @BeforeAll
    static void start(TestInfrastructure infra) {
        infrastructure = infra;
        Map<String, Class<?>> applications = new LinkedHashMap<>();
        applications.put("submission", SubmissionApplication.class);
        applications.put("review", ReviewApplication.class);
        applications.put("schedule", ScheduleApplication.class);
        applications.put("notification", NotificationApplication.class);
        system = RunningSystem.start(infra, applications);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    private static List<JsonNode> slots(JsonNode timetable) {
        List<JsonNode> slots = new ArrayList<>();
        timetable.path("days").forEach(day -> day.path("rooms").forEach(room -> room.path("slots").forEach(slots::add)));
        return slots;
    }

    /** The embedded broker lets each principal use only its own topics (KafkaAccessTest): the system runs on that. */
    @Test
    @Order(0)
    void eachServiceSignsInToKafkaAsItself() {
        Assumptions.assumeTrue(infrastructure.mode() == InfrastructureMode.EMBEDDED,
                "the tests' containers run Kafka without identities");
        for (String service : List.of("submission", "review", "schedule", "notification")) {
            assertThat(system.property(service, "spring.kafka.properties.security.protocol")).isEqualTo("SASL_PLAINTEXT");
            assertThat(system.property(service, "spring.kafka.properties.sasl.jaas.config"))
                    .contains("username=\"" + service + "-service\"");
        }
    }

    @Test
    @Order(1)
    void theLpc2017MicroConferenceFromCallToTimetable() throws Exception {
        Path sample = SharedFiles.find("datasets/lpc2017-containers-mc.json").orElse(null);
        Assumptions.assumeTrue(sample != null, "shared/datasets/lpc2017-containers-mc.json is not beside this checkout");
        JsonNode dataset = JsonMapper.builder().build().readTree(sample.toFile());
        TestHttp submission = new TestHttp(system.url("submission"));
        TestHttp organizerSubmission = submission.as("organizer@example.org", "organizer");
        TestHttp schedule = new TestHttp(system.url("schedule"));
        TestHttp organizerSchedule = schedule.as("organizer@example.org", "organizer");
        TestHttp alice = new TestHttp(system.url("review")).as("alice@example.org", "alice");
        TestHttp bob = new TestHttp(system.url("review")).as("bob@example.org", "bob");
        TestHttp notifications = new TestHttp(system.url("notification")).as("organizer@example.org", "organizer");

        ObjectNode conference = (ObjectNode) dataset.path("conference").deepCopy();
        conference.remove("start");
        conference.remove("end");
        conference.remove("acronym");
        conference.set("team", JsonMapper.builder().build().valueToTree(List.of(
                Map.of("email", "organizer@example.org", "roles", List.of("ORGANIZER")),
                Map.of("email", "alice@example.org", "roles", List.of("REVIEWER")),
                Map.of("email", "bob@example.org", "roles", List.of("REVIEWER", "DECIDER")))));
        conference.put("callOpens", Instant.now().minus(Duration.ofDays(1)).toString());
        conference.put("callCloses", Instant.now().plus(Duration.ofDays(30)).toString());
        assertThat(organizerSubmission.putJson("/api/conferences/lpc2017", conference.toString()).status()).isEqualTo(201);
        String blocks = "{\"blocks\": " + dataset.path("timetable") + "}";
        await().atMost(Duration.ofSeconds(30)).until(() -> organizerSchedule.putJson("/api/conferences/lpc2017/timetable/blocks", blocks).status() == 200);

        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, JsonNode> proposals = new LinkedHashMap<>();
        for (JsonNode proposal : dataset.path("proposals")) {
            JsonNode created = submission.postJson("/api/conferences/lpc2017/proposals", proposal.toString()).json();
            tokens.put(created.path("id").asString(), created.path("editToken").asString());
            proposals.put(created.path("id").asString(), proposal);
        }
        for (String id : tokens.keySet()) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    alice.postJson("/api/reviews/proposals/" + id, Map.of("score", 4)).status() == 200);
            assertThat(bob.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT"))
                    .status()).isEqualTo(200);
        }

        JsonNode timetable = await().atMost(Duration.ofSeconds(60)).until(() -> schedule.get("/api/conferences/lpc2017/timetable").json(),
                t -> t.path("scheduled").asInt() == 10);
        List<JsonNode> slots = slots(timetable);
        assertThat(timetable.path("waitlist")).isEmpty();
        for (JsonNode slot : slots) {
            LocalDateTime start = LocalDateTime.parse(slot.path("startLocal").asString());
            LocalDateTime end = LocalDateTime.parse(slot.path("endLocal").asString());
            assertThat(start).isAfterOrEqualTo(LocalDateTime.parse("2017-09-13T14:00"));
            assertThat(end).isBeforeOrEqualTo(LocalDateTime.parse("2017-09-13T17:30"));
            assertThat(end.isAfter(LocalDateTime.parse("2017-09-13T15:35")) && start.isBefore(LocalDateTime.parse("2017-09-13T15:50")))
                    .as("the break").isFalse();
            for (JsonNode other : slots) {
                if (other != slot) {
                    LocalDateTime otherStart = LocalDateTime.parse(other.path("startLocal").asString());
                    LocalDateTime otherEnd = LocalDateTime.parse(other.path("endLocal").asString());
                    assertThat(start.isBefore(otherEnd) && otherStart.isBefore(end)).as("overlap").isFalse();
                }
            }
        }

        // every speaker: one receipt, one acceptance and one schedule e-mail per talk
        for (Map.Entry<String, JsonNode> proposal : proposals.entrySet()) {
            String title = proposal.getValue().path("title").asString();
            for (JsonNode speaker : proposal.getValue().path("speakers")) {
                String email = speaker.path("email").asString();
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    List<String> subjects = infrastructure.mailbox().to(email).stream().map(ReceivedMail::subject)
                            .filter(s -> s.contains("“" + title + "”")).toList();
                    assertThat(subjects).filteredOn(s -> s.contains("We received your proposal")).hasSize(1);
                    assertThat(subjects).filteredOn(s -> s.contains("Accepted:")).hasSize(1);
                    assertThat(subjects).filteredOn(s -> s.contains("is scheduled")).hasSize(1);
                });
            }
        }

        String xml = schedule.get("/lpc2017/schedule.xml").body();
        assertThat(xml.split("<event ", -1)).hasSize(11);
        JsonNode json = schedule.get("/lpc2017/schedule.json").json();
        assertThat(json.path("schedule").path("conference").path("days").get(0).path("rooms").path("Containers MC room"))
                .hasSize(10);
        assertThat(new CalendarBuilder().build(new StringReader(schedule.get("/lpc2017/schedule.ics").body()))
                .getComponents("VEVENT")).hasSize(10);

        // a withdrawal afterwards frees the slot and tells the speaker
        String withdrawnId = tokens.keySet().iterator().next();
        JsonNode withdrawnProposal = proposals.get(withdrawnId);
        assertThat(submission.postJson("/api/proposals/" + withdrawnId + "/withdraw", "", "X-Edit-Token",
                tokens.get(withdrawnId)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> schedule.get("/api/conferences/lpc2017/timetable").json().path("scheduled").asInt() == 9);
        String speaker = withdrawnProposal.path("speakers").get(0).path("email").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(infrastructure.mailbox().to(speaker))
                .extracting(ReceivedMail::subject)
                .anyMatch(s -> s.contains("was withdrawn") && s.contains(withdrawnProposal.path("title").asString())));
        assertThat(notifications.get("/api/notifications?conference=lpc2017&proposalId=" + withdrawnId).json().path("content")
                .findValuesAsString("kind")).contains("SUBMITTED", "ACCEPTED", "SCHEDULED", "WITHDRAWN", "UNSCHEDULED");
        await().atMost(Duration.ofSeconds(30)).until(() -> organizerSubmission.get("/api/proposals/" + withdrawnId)
                .json().path("status").asString().equals("WITHDRAWN"));
        assertThat(organizerSubmission.get("/api/conferences/lpc2017/proposals?status=SCHEDULED").json().path("page")
                .path("totalElements").asInt()).isEqualTo(9);

        // the domain's figures, on each service's Prometheus endpoint
        Map<String, List<String>> figures = Map.of(
                "submission", List.of("cfp_events_published_total{type=\"ProposalSubmitted\"} 10.0",
                        "cfp_events_published_total{type=\"ProposalWithdrawn\"} 1.0"),
                "review", List.of("cfp_reviews_total 10.0", "cfp_events_published_total{type=\"ProposalAccepted\"} 10.0"),
                "schedule", List.of("cfp_events_published_total{type=\"TalkScheduled\"}",
                        "cfp_events_consumed_total{type=\"ProposalAccepted\"}"),
                "notification", List.of("cfp_emails_total{outcome=\"sent\"}",
                        "cfp_events_published_total{type=\"NotificationSent\"}"));
        figures.forEach((service, expected) -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(new TestHttp(system.url(service)).as("organizer@example.org", "organizer")
                        .get("/actuator/prometheus").body()).contains(expected)));

        // the proposal's whole history, across the four services' topics, in order
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> timeline = submission.get("/api/proposals/" + withdrawnId + "/timeline", "X-Edit-Token",
                    tokens.get(withdrawnId)).json().findValuesAsString("type");
            assertThat(timeline).containsSubsequence("ProposalSubmitted", "ProposalAccepted", "TalkScheduled",
                    "ProposalWithdrawn", "TalkUnscheduled");
            assertThat(timeline).contains("NotificationSent");
        });
    }

    /** The organizers' page, open in a real browser, shows a decision made through the API without a reload. */
    @Test
    @Order(2)
    void anOpenSchedulePageShowsANewDecisionWithoutAReload() {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        // the conference and its block are the LPC scenario's, defined by the test before this one
        Assumptions.assumeTrue(SharedFiles.find("datasets/lpc2017-containers-mc.json").isPresent(),
                "shared/datasets/lpc2017-containers-mc.json is not beside this checkout");
        TestHttp submission = new TestHttp(system.url("submission"));
        TestHttp bob = new TestHttp(system.url("review")).as("bob@example.org", "bob");
        String title = "Live <b>in the browser</b> " + System.nanoTime();
        Map<String, Object> proposal = Map.of("title", title, "abstract", "a", "description", "d",
                "track", "containers", "durationMinutes", 5,
                "speakers", List.of(Map.of("name", "Browser Speaker", "email", "browser@example.org")));
        String id = submission.postJson("/api/conferences/lpc2017/proposals", proposal).json().path("id").asString();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open(system.url("schedule") + "/lpc2017/schedule");
            browser.awaitText("#connection", "live");
            assertThat(browser.text("body")).doesNotContain(title);
            Object marker = browser.mark();

            String traceId = "0af7651916cd43dd8448eb211c80319c";
            await().atMost(Duration.ofSeconds(30)).until(() -> bob.postJson("/api/reviews/proposals/" + id + "/decision",
                    Map.of("decision", "ACCEPT"), "traceparent", "00-" + traceId + "-b7ad6b7169203331-01").status() == 200);
            // one trace from the reviewer's request, through review-service's event, to schedule-service's
            await().atMost(Duration.ofSeconds(30)).until(() -> infrastructure.kafka().readAll("cfp.schedule").stream()
                    .filter(r -> id.equals(r.key()))
                    .anyMatch(r -> String.valueOf(KafkaProbe.header(r, "traceparent")).contains(traceId)));

            browser.awaitContent(title);
            assertThat(browser.stillSamePage(marker)).as("no reload").isTrue();
            assertThat(browser.html("body")).contains("Live &lt;b&gt;in the browser&lt;/b&gt;");
        }
    }

    /**
     * The edit link, followed from another site (a webmail) in a real browser: the proposal opens at an address
     * without the token, the page that took the token is not in the history, and the token is not on the page.
     */
    @Test
    @Order(3)
    void theEditLinkOpensTheProposalAtACleanAddress() {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        Assumptions.assumeTrue(SharedFiles.find("datasets/lpc2017-containers-mc.json").isPresent(),
                "shared/datasets/lpc2017-containers-mc.json is not beside this checkout");
        TestHttp submission = new TestHttp(system.url("submission"));
        JsonNode created = submission.postJson("/api/conferences/lpc2017/proposals", Map.of("title", "Opened from a webmail",
                "abstract", "a", "description", "d", "track", "containers", "durationMinutes", 5,
                "speakers", List.of(Map.of("name", "Mail Reader", "email", "reader@example.org")))).json();
        String page = system.url("submission") + "/proposals/" + created.path("id").asString();
        String token = created.path("editToken").asString();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            browser.open("data:text/html,<a id=link href='" + page + "?token=" + token + "'>your proposal</a>");
            long before = browser.historyLength();
            browser.click("#link");
            browser.awaitText("#status", "SUBMITTED");
            assertThat(browser.url()).isEqualTo(page);
            assertThat(browser.historyLength()).as("one entry more, the proposal's: none with the token")
                    .isEqualTo(before + 1);
            assertThat(browser.html("body")).contains("Opened from a webmail").doesNotContain(token);
        }
    }
}
