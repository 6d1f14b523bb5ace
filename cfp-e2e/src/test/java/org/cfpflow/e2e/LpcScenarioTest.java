package org.cfpflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

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

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import net.fortuna.ical4j.data.CalendarBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The LPC 2017 and LPC 2019 containers micro-conferences through one system at once, as their users would drive
 * them: each with its own team, its leads reviewing and deciding their micro-conference.
 */
@CfpInfrastructure
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LpcScenarioTest {

    private static RunningSystem system;
    private static TestInfrastructure infrastructure;
    /** LPC 2019 as the scenario left it: its timetable full, a talk on the waitlist. */
    private static PlayedConference lpc2019Played;
    /** LPC 2017 as the scenario left it: every talk placed. */
    private static PlayedConference lpc2017Played;

    @BeforeAll
    static void start(TestInfrastructure infra) {
        infrastructure = infra;
        system = RunningSystem.all(infra);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
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
    void bothLpcConferencesAtOnceFromCallToTimetable() throws Exception {
        PlayedConference lpc2017 = PlayedConference.of("lpc2017-containers-mc.json");
        PlayedConference lpc2019 = PlayedConference.of("lpc2019-containers-cr-mc.json");
        TestHttp submission = new TestHttp(system.url("submission"));
        TestHttp organizerSubmission = submission.as("organizer@example.org", "organizer");
        TestHttp schedule = new TestHttp(system.url("schedule"));
        TestHttp notifications = new TestHttp(system.url("notification")).as("organizer@example.org", "organizer");
        lpc2017.define(system);
        // LPC 2019 reminds accepted speakers to confirm after an hour, and gives the slot of a talk still unconfirmed
        // three hours after its acceptance to the waitlist
        lpc2019.define(system, Map.of("confirmation", Map.of("remindAfter", "PT1H", "releaseUnconfirmed", true)),
                "organizer2019@example.org");

        // speakers of both submit at once, interleaved
        for (int i = 0; i < Math.max(lpc2017.size(), lpc2019.size()); i++) {
            for (PlayedConference conference : List.of(lpc2017, lpc2019)) {
                if (i < conference.size()) {
                    conference.submit(submission, i);
                }
            }
        }
        // each conference's own leads review and decide, interleaved; a lead never on a talk of their own
        int reviews = 0;
        List<Map.Entry<PlayedConference, String>> decisions = new ArrayList<>();
        for (int i = 0; i < Math.max(lpc2017.size(), lpc2019.size()); i++) {
            for (PlayedConference conference : List.of(lpc2017, lpc2019)) {
                if (i < conference.size()) {
                    decisions.add(Map.entry(conference, new ArrayList<>(conference.tokens.keySet()).get(i)));
                }
            }
        }
        for (Map.Entry<PlayedConference, String> decision : decisions) {
            String id = decision.getValue();
            List<String> leads = decision.getKey().reviewersOf(id);
            for (String lead : leads) {
                TestHttp reviewer = PlayedConference.as(system, "review", lead);
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        reviewer.postJson("/api/reviews/proposals/" + id, Map.of("score", 4)).status() == 200);
                reviews++;
            }
            TestHttp decider = PlayedConference.as(system, "review", leads.isEmpty() ? "organizer@example.org" : leads.get(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> decider.postJson("/api/reviews/proposals/" + id
                    + "/decision", Map.of("decision", "ACCEPT")).status() == 200);
        }

        JsonNode timetable = await().atMost(Duration.ofSeconds(60)).until(() -> schedule.get("/api/conferences/lpc2017/timetable").json(),
                t -> t.path("scheduled").asInt() == 10);
        assertThat(timetable.path("waitlist")).isEmpty();
        lpc2017.assertPlacedByTheRules(PlayedConference.slots(timetable));
        JsonNode timetable2019 = await().atMost(Duration.ofSeconds(60)).until(() ->
                schedule.get("/api/conferences/lpc2019/timetable").json(),
                t -> t.path("scheduled").asInt() + t.path("waitlist").size() == lpc2019.size());
        List<JsonNode> slots2019 = PlayedConference.slots(timetable2019);
        assertThat(slots2019).isNotEmpty();
        lpc2019Played = lpc2019;
        lpc2017Played = lpc2017;
        lpc2019.assertPlacedByTheRules(slots2019);

        // every speaker of both: one receipt, one acceptance, and one schedule or waitlist e-mail per talk
        List<String> scheduled = new ArrayList<>();
        PlayedConference.slots(timetable).forEach(slot -> scheduled.add(slot.path("proposalId").asString()));
        slots2019.forEach(slot -> scheduled.add(slot.path("proposalId").asString()));
        for (PlayedConference conference : List.of(lpc2017, lpc2019)) {
            for (Map.Entry<String, JsonNode> proposal : conference.proposals.entrySet()) {
                String title = proposal.getValue().path("title").asString();
                boolean placed = scheduled.contains(proposal.getKey());
                for (JsonNode speaker : proposal.getValue().path("speakers")) {
                    String email = speaker.path("email").asString();
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        List<String> subjects = infrastructure.mailbox().to(email).stream().map(ReceivedMail::subject)
                                .filter(s -> s.contains("“" + title + "”")).toList();
                        assertThat(subjects).filteredOn(s -> s.contains("We received your proposal")).hasSize(1);
                        assertThat(subjects).filteredOn(s -> s.contains("Accepted:")).hasSize(1);
                        assertThat(subjects).filteredOn(s -> s.contains("is scheduled")).hasSize(placed ? 1 : 0);
                        assertThat(subjects).filteredOn(s -> s.contains("is on the waitlist")).hasSize(placed ? 0 : 1);
                    });
                }
            }
        }

        // nothing of one conference is visible or changeable through the other's paths or team
        String id2017 = lpc2017.tokens.keySet().iterator().next();
        TestHttp organizer2019 = PlayedConference.as(system, "submission", "organizer2019@example.org");
        assertThat(organizer2019.get("/api/conferences/lpc2019/proposals").json().path("page").path("totalElements")
                .asInt()).isEqualTo(lpc2019.size());
        assertThat(organizer2019.get("/api/conferences/lpc2017/proposals").status()).isEqualTo(403);
        assertThat(organizer2019.get("/api/proposals/" + id2017).status()).isEqualTo(404);
        assertThat(organizer2019.postJson("/api/proposals/" + id2017 + "/withdraw", "").status()).isEqualTo(404);
        assertThat(organizer2019.putJson("/api/conferences/lpc2017", Map.of("title", "Taken over")).status())
                .isEqualTo(403);
        TestHttp scheduler2019 = PlayedConference.as(system, "schedule", "organizer2019@example.org");
        assertThat(scheduler2019.putJson("/api/conferences/lpc2017/timetable/blocks", Map.of("blocks", List.of()))
                .status()).isEqualTo(403);
        assertThat(scheduler2019.putJson("/api/conferences/lpc2019/timetable/talks/" + id2017,
                Map.of("start", "2019-09-10T15:00", "room", "Jade/room-I&II")).status()).isEqualTo(404);
        assertThat(PlayedConference.as(system, "notification", "organizer2019@example.org")
                .get("/api/notifications?conference=lpc2017").status()).isEqualTo(403);
        TestHttp christian = PlayedConference.as(system, "review", "christian.brauner@example.org");
        assertThat(christian.get("/api/conferences/lpc2017/reviews/queue").status()).isEqualTo(403);
        assertThat(christian.get("/api/reviews/proposals/" + id2017).status()).isEqualTo(404);
        assertThat(christian.postJson("/api/reviews/proposals/" + id2017 + "/decision", Map.of("decision", "REJECT"))
                .status()).isEqualTo(404);
        String public2019 = schedule.get("/api/conferences/lpc2019/timetable").body();
        lpc2017.proposals.values().forEach(p -> assertThat(public2019).doesNotContain(p.path("title").asString()));
        assertThat(schedule.get("/api/conferences/lpc2017/timetable").json().path("scheduled").asInt()).isEqualTo(10);
        assertThat(notifications.get("/api/notifications?conference=lpc2019&size=200").json().path("content")
                .findValuesAsString("proposalId")).doesNotContainAnyElementsOf(lpc2017.tokens.keySet());
        Map<String, String> tokens = lpc2017.tokens;
        Map<String, JsonNode> proposals = lpc2017.proposals;

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
                "submission", List.of("cfp_events_published_total{type=\"ProposalSubmitted\"} 20.0",
                        "cfp_events_published_total{type=\"ProposalWithdrawn\"} 1.0"),
                "review", List.of("cfp_reviews_total " + reviews + ".0",
                        "cfp_events_published_total{type=\"ProposalAccepted\"} 20.0"),
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
        TestHttp lead = new TestHttp(system.url("review")).as("stephane.graber@example.org", "stephane");
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
            await().atMost(Duration.ofSeconds(30)).until(() -> lead.postJson("/api/reviews/proposals/" + id + "/decision",
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

    /**
     * LPC 2019 after its decisions: a speaker confirms from the acceptance e-mail's link (in Chromium where it is
     * installed, else through the API), another declines; the first waitlisted talk that fits takes the freed slot and
     * its speakers hear of it once; the timetable and the organizers' list show who confirmed.
     */
    @Test
    @Order(4)
    void aDeclinedTalkGivesItsSlotToTheWaitlistAndConfirmationsShow() {
        Assumptions.assumeTrue(lpc2019Played != null, "the LPC scenario did not run");
        PlayedConference lpc2019 = lpc2019Played;
        TestHttp submission = new TestHttp(system.url("submission"));
        TestHttp schedule = new TestHttp(system.url("schedule"));
        JsonNode before = schedule.get("/api/conferences/lpc2019/timetable").json();
        assertThat(before.path("waitlist")).as("the 2019 block holds 180 minutes of its 205").isNotEmpty();
        JsonNode waiting = before.path("waitlist").get(0);
        String waitingId = waiting.path("proposalId").asString();
        List<JsonNode> slots = PlayedConference.slots(before);
        JsonNode declined = slots.stream().filter(slot -> slot.path("durationMinutes").asInt()
                >= waiting.path("durationMinutes").asInt()).findFirst().orElseThrow();
        String declinedId = declined.path("proposalId").asString();
        JsonNode confirmed = slots.stream().filter(slot -> slot != declined).findFirst().orElseThrow();
        String confirmedId = confirmed.path("proposalId").asString();

        // the speaker follows the acceptance e-mail's confirm link and presses the button it leads to
        String speaker = lpc2019.proposals.get(confirmedId).path("speakers").get(0).path("email").asString();
        String title = lpc2019.proposals.get(confirmedId).path("title").asString();
        ReceivedMail acceptance = infrastructure.mailbox().to(speaker).stream()
                .filter(m -> m.subject().contains("Accepted: “" + title + "”")).findFirst().orElseThrow();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("Confirm the talk: \\S+(/proposals/\\S+)")
                .matcher(acceptance.text());
        assertThat(link.find()).as(acceptance.text()).isTrue();
        String confirmUrl = system.url("submission") + link.group(1);
        assertThat(confirmUrl).contains("?token=" + lpc2019.tokens.get(confirmedId), "&then=confirm");
        if (HeadlessChromium.available()) {
            try (HeadlessChromium browser = HeadlessChromium.start()) {
                browser.open("data:text/html,<a id=link href='" + confirmUrl + "'>confirm</a>");
                browser.click("#link");
                browser.awaitText("#status", "SCHEDULED");
                assertThat(browser.url()).endsWith("/proposals/" + confirmedId + "#confirm");
                browser.click("#confirm");
                browser.awaitText("#confirmed", "You confirmed this talk");
            }
        }
        else {
            assertThat(submission.postJson("/api/proposals/" + confirmedId + "/confirm", "", "X-Edit-Token",
                    lpc2019.tokens.get(confirmedId)).status()).isEqualTo(200);
        }

        // another speaker declines with their edit token
        assertThat(submission.postJson("/api/proposals/" + declinedId + "/decline", "", "X-Edit-Token",
                lpc2019.tokens.get(declinedId)).json().path("status").asString()).isEqualTo("DECLINED");

        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() ->
                schedule.get("/api/conferences/lpc2019/timetable").json(), t -> t.path("waitlist").isEmpty()
                && PlayedConference.slots(t).stream().anyMatch(slot -> slot.path("confirmed").asBoolean()));
        List<JsonNode> placed = PlayedConference.slots(after);
        assertThat(placed).extracting(slot -> slot.path("proposalId").asString()).contains(waitingId)
                .doesNotContain(declinedId);
        assertThat(placed).filteredOn(slot -> slot.path("confirmed").asBoolean())
                .extracting(slot -> slot.path("proposalId").asString()).containsExactly(confirmedId);
        lpc2019.assertPlacedByTheRules(placed);

        // the moved-up talk's speakers: one e-mail each that it is scheduled; the decliner's: none more
        String waitingTitle = lpc2019.proposals.get(waitingId).path("title").asString();
        for (JsonNode person : lpc2019.proposals.get(waitingId).path("speakers")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(infrastructure.mailbox()
                    .to(person.path("email").asString())).extracting(ReceivedMail::subject)
                    .filteredOn(s -> s.contains("“" + waitingTitle + "” is scheduled")).hasSize(1));
        }
        TestHttp organizer = submission.as("organizer@example.org", "organizer");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode list = organizer.get("/api/conferences/lpc2019/proposals?size=50").json().path("content");
            for (JsonNode proposal : list) {
                String id = proposal.path("id").asString();
                assertThat(proposal.path("confirmed").asBoolean()).as(id).isEqualTo(id.equals(confirmedId));
                assertThat(proposal.path("status").asString()).as(id).isEqualTo(id.equals(declinedId) ? "DECLINED"
                        : "SCHEDULED");
            }
        });
    }

    /**
     * LPC 2019, on every service's clock moved forward: all its speakers confirm but those of one talk, who get two
     * reminders (after one and two hours, the second naming the deadline) and none after; at the deadline their talk
     * goes to the waitlist and its slot is free. Those who confirmed get no reminder.
     */
    @Test
    @Order(5)
    void aSpeakerWhoNeverConfirmsIsRemindedTwiceAndThenLosesTheSlot() {
        Assumptions.assumeTrue(lpc2019Played != null, "the LPC scenario did not run");
        PlayedConference lpc2019 = lpc2019Played;
        TestHttp submission = new TestHttp(system.url("submission"));
        TestHttp schedule = new TestHttp(system.url("schedule"));
        List<JsonNode> placed = PlayedConference.slots(schedule.get("/api/conferences/lpc2019/timetable").json());
        List<String> unconfirmed = placed.stream().filter(slot -> !slot.path("confirmed").asBoolean())
                .map(slot -> slot.path("proposalId").asString()).toList();
        String confirmedBefore = placed.stream().filter(slot -> slot.path("confirmed").asBoolean())
                .map(slot -> slot.path("proposalId").asString()).findFirst().orElseThrow();
        String never = unconfirmed.get(unconfirmed.size() - 1);
        for (String id : unconfirmed.subList(0, unconfirmed.size() - 1)) {
            assertThat(submission.postJson("/api/proposals/" + id + "/confirm", "", "X-Edit-Token",
                    lpc2019.tokens.get(id)).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> PlayedConference.slots(schedule
                .get("/api/conferences/lpc2019/timetable").json()).stream()
                .filter(slot -> !slot.path("confirmed").asBoolean()).count() == 1);

        String title = lpc2019.proposals.get(never).path("title").asString();
        List<String> speakers = lpc2019.proposals.get(never).path("speakers").valueStream()
                .map(speaker -> speaker.path("email").asString()).toList();
        String confirming = lpc2019.proposals.get(confirmedBefore).path("speakers").get(0).path("email").asString();
        system.clock.advance(Duration.ofMinutes(61));
        for (String speaker : speakers) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reminders(speaker, title).size() == 1);
        }
        system.clock.advance(Duration.ofMinutes(60));
        for (String speaker : speakers) {
            List<ReceivedMail> reminders = await().atMost(Duration.ofSeconds(30)).until(() -> reminders(speaker, title),
                    mails -> mails.size() == 2);
            assertThat(reminders.get(1).text()).contains("If we have not heard from you by",
                    "its slot goes to a talk on the waitlist");
        }
        assertThat(infrastructure.mailbox().to(confirming)).extracting(ReceivedMail::subject)
                .noneMatch(subject -> subject.startsWith("[") && subject.contains("Please confirm"));

        system.clock.advance(Duration.ofMinutes(61));
        JsonNode after = await().atMost(Duration.ofSeconds(30)).until(() ->
                schedule.get("/api/conferences/lpc2019/timetable").json(), timetable -> timetable.path("waitlist")
                .findValuesAsString("proposalId").contains(never));
        assertThat(PlayedConference.slots(after)).extracting(slot -> slot.path("proposalId").asString())
                .as("the others keep their slots").hasSize(placed.size() - 1).doesNotContain(never);
        for (String speaker : speakers) {
            assertThat(reminders(speaker, title)).as("no third reminder").hasSize(2);
        }
    }

    private static List<ReceivedMail> reminders(String speaker, String title) {
        return infrastructure.mailbox().to(speaker).stream()
                .filter(mail -> mail.subject().contains("Please confirm your talk “" + title + "”")).toList();
    }

    /**
     * LPC 2017 switches to publishing in releases. A move of the working timetable sends no e-mail; the release sends
     * each of its speakers one; the public exports (valid against the c3voc schemas) and page (in Chromium) show the
     * release, not a move made after it; the working timetable is its organizers'.
     */
    @Test
    @Order(6)
    void underReleasesSpeakersHearOfTheReleaseOnlyAndThePublicScheduleIsIt() throws Exception {
        Assumptions.assumeTrue(lpc2017Played != null, "the LPC scenario did not run");
        PlayedConference lpc2017 = lpc2017Played;
        TestHttp anonymous = new TestHttp(system.url("schedule"));
        TestHttp organizer = PlayedConference.as(system, "schedule", "organizer@example.org");
        String timetable = "/api/conferences/lpc2017/timetable";
        lpc2017.redefine(system, Map.of("publish", "RELEASES"));
        await().atMost(Duration.ofSeconds(30)).until(() -> anonymous.get(timetable).status() == 401);

        List<JsonNode> placed = PlayedConference.slots(organizer.get(timetable).json());
        Map<String, List<String>> speakersByTalk = new LinkedHashMap<>();
        placed.forEach(slot -> speakersByTalk.put(slot.path("proposalId").asString(), speakersOf(lpc2017, slot)));
        Map<String, Long> releasedBefore = new LinkedHashMap<>();
        speakersByTalk.values().stream().flatMap(List::stream).distinct()
                .forEach(email -> releasedBefore.put(email, released(email)));
        JsonNode moving = placed.get(0);
        String movedTo = moveToAFreeStart(organizer, moving, moving.path("startLocal").asString(), placed);

        JsonNode release = organizer.postJson(timetable + "/releases", Map.of("version", "2017.1")).json();
        assertThat(release.path("number").asInt()).isEqualTo(1);
        assertThat(release.path("changes").findValuesAsString("proposalId"))
                .containsExactlyInAnyOrderElementsOf(speakersByTalk.keySet());
        // one e-mail per speaker, whatever the number of their talks; the move before the release sent none
        for (Map.Entry<String, Long> speaker : releasedBefore.entrySet()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> released(speaker.getKey()) == speaker.getValue() + 1);
        }
        String movedTitle = lpc2017.proposals.get(moving.path("proposalId").asString()) == null
                ? moving.path("title").asString()
                : lpc2017.proposals.get(moving.path("proposalId").asString()).path("title").asString();
        for (String speaker : speakersByTalk.get(moving.path("proposalId").asString())) {
            assertThat(infrastructure.mailbox().to(speaker)).extracting(ReceivedMail::subject)
                    .noneMatch(subject -> subject.contains("“" + movedTitle + "” has moved"));
        }

        // a move after the release: the public schedule stays the release
        String movedAgain = moveToAFreeStart(organizer, moving, movedTo, placed);
        TestHttp.Response json = anonymous.get("/lpc2017/schedule.json");
        assertThat(json.json().path("schedule").path("version").asString()).isEqualTo("2017.1");
        assertThat(anonymous.get(timetable + "/published").json().path("days").findValues("startLocal").stream()
                .map(JsonNode::asString)).contains(movedTo + ":00").doesNotContain(movedAgain + ":00");
        Path schemaFile = SharedFiles.find("specs/schedule.schema.json").orElse(null);
        Path xsd = SharedFiles.find("specs/schedule.xml.xsd").orElse(null);
        Assumptions.assumeTrue(schemaFile != null && xsd != null, "shared/specs is not beside this checkout");
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6).getSchema(Files.readString(schemaFile))
                .validate(json.body(), InputFormat.JSON)).isEmpty();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(anonymous.get("/lpc2017/schedule.xml").body())));

        if (HeadlessChromium.available()) {
            try (HeadlessChromium browser = HeadlessChromium.start()) {
                browser.open(system.url("schedule") + "/lpc2017/schedule");
                browser.awaitText("#connection", "release 2017.1");
                assertThat(browser.text("#days")).contains(placed.get(1).path("title").asString());
            }
        }
    }

    /** The number of release e-mails of LPC 2017 the address has had. */
    private static long released(String email) {
        return infrastructure.mailbox().to(email).stream()
                .filter(mail -> mail.subject().contains("2017") && mail.subject().contains("The timetable is out"))
                .count();
    }

    private static List<String> speakersOf(PlayedConference conference, JsonNode slot) {
        JsonNode proposal = conference.proposals.get(slot.path("proposalId").asString());
        return proposal == null ? List.of("browser@example.org") : proposal.path("speakers").valueStream()
                .map(speaker -> speaker.path("email").asString()).toList();
    }

    /**
     * Moves the talk, in its room, to the first start of its day but {@code from} where it fits; returns it. The
     * search begins at the room's first talk that day ({@code placed}): its block begins no later.
     */
    private static String moveToAFreeStart(TestHttp organizer, JsonNode slot, String from, List<JsonNode> placed) {
        java.time.LocalDate date = java.time.LocalDateTime.parse(from).toLocalDate();
        java.time.LocalDateTime firstTalk = placed.stream()
                .filter(other -> other.path("room").asString().equals(slot.path("room").asString()))
                .map(other -> java.time.LocalDateTime.parse(other.path("startLocal").asString()))
                .filter(start -> start.toLocalDate().equals(date))
                .min(java.util.Comparator.naturalOrder()).orElse(date.atTime(0, 0));
        for (java.time.LocalDateTime start = firstTalk; start.isBefore(date.plusDays(1).atTime(0, 0)); start = start.plusMinutes(5)) {
            if (start.equals(java.time.LocalDateTime.parse(from))) {
                continue;
            }
            if (organizer.putJson("/api/conferences/lpc2017/timetable/talks/" + slot.path("proposalId").asString(),
                    Map.of("start", start.toString(), "room", slot.path("room").asString())).status() == 200) {
                return start.toString();
            }
        }
        throw new AssertionError("no free start for " + slot);
    }
}
