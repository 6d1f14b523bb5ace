package org.cfpflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cfpflow.testsupport.CfpInfrastructure;
import org.cfpflow.testsupport.SharedFiles;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An organizer runs LPC 2019 from the browser, from nothing: creates the conference with its track and team on the
 * settings page (a mistake first, shown beside its field), sets its block in the timetable editor, a lead accepts
 * from the review board while the acceptance e-mails are held for approval, the organizer drags talks on the grid
 * (one move refused with its reason), then sends the held e-mails from the log. Every page passes axe-core without a serious finding; with {@code -Dcfp.screenshots=DIR} each is also
 * photographed there ({@code docs/screenshots} for the README).
 */
@CfpInfrastructure
class ConsoleWalkTest {

    private static final String CONFERENCE = "lpcconsole2019";
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String SCREENSHOTS = System.getProperty("cfp.screenshots", "");
    private static RunningSystem system;

    @BeforeAll
    static void start(TestInfrastructure infrastructure) {
        system = RunningSystem.all(infrastructure);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void anOrganizerRunsLpc2019FromTheBrowser() {
        Assumptions.assumeTrue(HeadlessChromium.available(), HeadlessChromium.MISSING);
        Path sample = SharedFiles.find("datasets/lpc2019-containers-cr-mc.json").orElse(null);
        Assumptions.assumeTrue(sample != null, "shared/datasets/lpc2019-containers-cr-mc.json is not beside this checkout");
        JsonNode dataset = JsonMapper.builder().build().readTree(sample.toFile());
        String submission = system.url("submission");
        String review = system.url("review");
        String schedule = system.url("schedule");
        String notification = system.url("notification");
        List<String> pages = new ArrayList<>();

        try (HeadlessChromium browser = HeadlessChromium.start()) {
            // the admin creates LPC 2019: a track with its three leads, and its team
            browser.signIn(submission + "/conferences/new", "organizer@example.org", "organizer");
            browser.awaitText("h1", "A new conference");
            check(browser, "settings-new", pages);
            JsonNode conference = dataset.get("conference");
            JsonNode track = conference.at("/tracks/0");
            browser.type("#id", CONFERENCE);
            browser.type("#title", conference.get("title").asString());
            browser.type("#timezone", conference.get("timezone").asString());
            LocalDateTime now = LocalDateTime.now(LISBON);
            browser.set("#callOpens", LOCAL.format(now.minusDays(1)));
            browser.set("#callCloses", LOCAL.format(now.plusDays(30)));
            browser.set("#start", conference.get("start").asString());
            browser.set("#end", conference.get("end").asString());
            browser.type("#tracks-0-slug", track.get("slug").asString());
            browser.type("#tracks-0-name", track.get("name").asString());
            browser.type("#tracks-0-durations", "15, 20, 7");
            List<String> leads = new ArrayList<>();
            track.get("leads").forEach(lead -> leads.add(lead.get("name").asString() + " <" + lead.get("email").asString() + ">"));
            browser.type("#tracks-0-leads", String.join("\n", leads));
            browser.click("button[name=more]");
            browser.awaitContent("Member 6");
            browser.type("#team-0-email", "organizer2019@example.org");
            browser.click("input[name='team[0].roles'][value=ORGANIZER]");
            for (int i = 0; i < 3; i++) {
                browser.type("#team-" + (i + 1) + "-email", track.at("/leads/" + i + "/email").asString());
                browser.click("input[name='team[" + (i + 1) + "].roles'][value=REVIEWER]");
                browser.click("input[name='team[" + (i + 1) + "].roles'][value=DECIDER]");
                browser.type("#team-" + (i + 1) + "-tracks", track.get("slug").asString());
            }
            browser.click("#save");
            browser.awaitText("#tracks-0-durations-error", "multiple of 5");
            assertThat(browser.text("#problems")).contains("tracks[0].durations");
            check(browser, "settings-errors", pages);
            browser.type("#tracks-0-durations", "15, 20, 25");
            browser.click("#save");
            browser.awaitText("[role=status]", "Saved.");
            assertThat(browser.url()).endsWith("/" + CONFERENCE + "/settings?saved");
            check(browser, "settings", pages);

            // speakers submit the sample's proposals
            TestHttp speakers = new TestHttp(submission);
            List<String> ids = new ArrayList<>();
            for (JsonNode proposal : dataset.get("proposals")) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("title", proposal.get("title").asString());
                body.put("abstract", proposal.get("abstract").asString());
                body.put("description", proposal.get("description").asString());
                body.put("track", proposal.get("track").asString());
                body.put("durationMinutes", proposal.get("durationMinutes").asInt());
                List<Map<String, String>> names = new ArrayList<>();
                proposal.get("speakers").forEach(s -> names.add(Map.of("name", s.get("name").asString(),
                        "email", s.get("email").asString())));
                body.put("speakers", names);
                TestHttp.Response submitted = speakers.postJson("/api/conferences/" + CONFERENCE + "/proposals", body);
                assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
                ids.add(submitted.json().get("id").asString());
            }

            // the organizer of LPC 2019 sets its block in the timetable editor
            TestHttp publicSchedule = new TestHttp(schedule);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    publicSchedule.get("/api/conferences/" + CONFERENCE + "/timetable").status() == 200);
            JsonNode block = dataset.at("/timetable/0");
            browser.signIn(schedule + "/" + CONFERENCE + "/timetable", "organizer2019@example.org", "organizer2019");
            browser.type("#blocks-0-room", block.get("room").asString());
            browser.set("#blocks-0-start", block.get("start").asString());
            browser.set("#blocks-0-end", block.get("end").asString());
            browser.type("#blocks-0-breaks", block.at("/breaks/0/start").asString().substring(11) + "-"
                    + block.at("/breaks/0/end").asString().substring(11));
            browser.click("#save-blocks");
            browser.awaitText("#saved", "Blocks saved.");

            // and holds the acceptance e-mails for approval
            await().atMost(Duration.ofSeconds(30)).until(() -> new TestHttp(notification)
                    .as("organizer2019@example.org", "organizer2019").get("/" + CONFERENCE + "/emails/settings").status() == 200);
            browser.signIn(notification + "/" + CONFERENCE + "/emails/settings", "organizer2019@example.org", "organizer2019");
            browser.click("input[name=hold][value=ACCEPTED]");
            browser.click("#save");
            browser.awaitText("[role=status]", "Saved.");
            check(browser, "email-settings", pages);
            browser.open(notification + "/" + CONFERENCE + "/emails/templates/ACCEPTED");
            check(browser, "email-template", pages);

            // a lead reviews on the board and accepts two talks there; the other decisions through the API
            await().atMost(Duration.ofSeconds(30)).until(() -> new TestHttp(review).as("mike.rapoport@example.org", "mike")
                    .get("/api/conferences/" + CONFERENCE + "/reviews/queue").status() == 200);
            browser.signIn(review + "/" + CONFERENCE + "/board", "mike.rapoport@example.org", "mike");
            browser.awaitContent("To review");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                browser.open(review + "/" + CONFERENCE + "/board");
                return browser.text("#to-review").contains("(" + ids.size() + ")");
            });
            check(browser, "board", pages);
            for (int i = 0; i < 2; i++) {
                browser.open(review + "/board/proposals/" + ids.get(i));
                check(browser, i == 0 ? "board-proposal" : null, pages);
                browser.click("button[value=ACCEPT]");
                browser.awaitText("#decision", "ACCEPT");
            }
            TestHttp lead = new TestHttp(review).as("stephane.graber@example.org", "stephane");
            for (String id : ids.subList(2, 5)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> lead.postJson("/api/reviews/proposals/" + id
                        + "/decision", Map.of("decision", "ACCEPT")).status() == 200);
            }

            // the five accepted talks fill the block from its start; the organizer drags one to its end, and one
            // into the break, which the timetable refuses
            browser.signIn(schedule + "/" + CONFERENCE + "/timetable", "organizer2019@example.org", "organizer2019");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                browser.open(schedule + "/" + CONFERENCE + "/timetable");
                browser.awaitText("#connection", "live");
                return browser.count(".grid .talk") == 5;
            });
            String date = block.get("start").asString().substring(0, 10);
            String first = "[data-id='" + ids.get(0) + "']";
            browser.drag(first, ".cell.free[data-start='" + date + "T18:00']");
            browser.awaitText("#outcome", "Moved");
            browser.awaitContent("18:00–18:");
            browser.drag("[data-id='" + ids.get(1) + "']", ".cell.break[data-start='" + date + "T16:40']");
            browser.awaitText("#outcome", "Not moved");
            assertThat(browser.text("#outcome")).contains("break");
            check(browser, "timetable-editor", pages);
            JsonNode working = publicSchedule.get("/api/conferences/" + CONFERENCE + "/timetable").json();
            assertThat(working.toString()).contains(date + "T18:00");

            // the organizers' other pages: the review progress, the dashboard, the proposals, the e-mail log and a
            // message
            browser.signIn(review + "/" + CONFERENCE + "/board/progress", "organizer2019@example.org", "organizer2019");
            check(browser, "review-progress", pages);
            browser.signIn(submission + "/" + CONFERENCE + "/dashboard", "organizer2019@example.org", "organizer2019");
            check(browser, "dashboard", pages);
            browser.open(submission + "/" + CONFERENCE + "/proposals");
            check(browser, "proposals", pages);
            browser.signIn(notification + "/" + CONFERENCE + "/emails", "organizer2019@example.org", "organizer2019");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                browser.open(notification + "/" + CONFERENCE + "/emails");
                return browser.text("body").contains("e-mails wait for approval.");
            });
            // one per speaker of the five accepted talks (some have two)
            String held = browser.text("#held").split(" ")[0];
            assertThat(Integer.parseInt(held)).isGreaterThanOrEqualTo(5);
            check(browser, "emails-held", pages);
            browser.click("button[name=all]");
            browser.awaitText("[role=status]", held + " e-mails released to be sent.");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                browser.open(notification + "/" + CONFERENCE + "/emails?kind=ACCEPTED&status=SENT");
                return browser.text("#found").startsWith(held + " e-mails");
            });
            check(browser, "emails", pages);
            browser.click("table a");
            check(browser, "email", pages);
            browser.open(schedule + "/" + CONFERENCE + "/schedule");
            browser.awaitText("#connection", "live");
            check(browser, "schedule", pages);
            browser.open(submission + "/" + CONFERENCE + "/");
            check(browser, "call", pages);
        }
        assertThat(pages).hasSizeGreaterThanOrEqualTo(12);
    }

    /** No serious accessibility finding on the page; its picture under {@code name}, if it has one and pictures are asked for. */
    private static void check(HeadlessChromium browser, String name, List<String> pages) {
        assertThat(browser.seriousAccessibilityProblems()).as("axe-core on " + browser.url() + " showing " + browser.text("body"))
                .isEmpty();
        pages.add(browser.url());
        if (name != null && !SCREENSHOTS.isBlank()) {
            browser.screenshot(Path.of(SCREENSHOTS).resolve(name + ".png"));
        }
    }
}
