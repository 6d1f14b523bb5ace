package org.cfpflow.schedule.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The timetable editor's page, blocks form and moves, for a conference's organizers signed in to the pages. */
class EditorTest extends ScheduleServiceTest {

    @Test
    void organizersSetBlocksOnThePageAndMoveTalksWithThePagesToken() {
        conference("Europe/Lisbon");
        String editor = "/" + conferenceId + "/timetable";
        assertThat(anonymous.get(editor).status()).isEqualTo(401);
        assertThat(anonymous.get(editor + ".json").status()).isEqualTo(401);
        assertThat(anonymous.as("other-organizer@example.org", "other-secret").get(editor).status()).isEqualTo(403);
        assertThat(anonymous.as("reviewer@example.org", "reviewer-secret").get(editor + ".json").status()).isEqualTo(403);
        TestHttp.Response page = organizer.get(editor);
        assertStatus(page, 200);
        assertThat(page.body()).contains("timetable editor", "<label for=\"blocks-0-room\"", "/live/editor.js");

        TestHttp.Response refused = organizer.postForm(editor + "/blocks", "_csrf", page.csrfToken(),
                "blocks[0].track", track, "blocks[0].room", "", "blocks[0].start", "", "blocks[0].end", "", 
                "blocks[1].track", track, "blocks[1].room", "Jade", "blocks[1].start", "2019-09-10T18:30",
                "blocks[1].end", "2019-09-10T15:00", "blocks[2].track", track, "blocks[2].room", "Jade",
                "blocks[2].start", "2019-09-10T09:00", "blocks[2].end", "2019-09-10T12:00", "blocks[2].breaks", "tea time");
        assertStatus(refused, 400);
        assertThat(errorOf(refused, "blocks-1-end")).contains("must be after start");
        assertThat(errorOf(refused, "blocks-2-breaks")).contains("16:30-17:00");
        assertThat(refused.body()).doesNotContain("blocks-0-end-error");
        assertThat(organizer.get(editor + ".json").json().get("blocks")).as("nothing saved").isEmpty();

        TestHttp.Response saved = organizer.postForm(editor + "/blocks", "_csrf", page.csrfToken(),
                "blocks[0].track", track, "blocks[0].room", "Jade/room-I&II", "blocks[0].start", "2019-09-10T15:00",
                "blocks[0].end", "2019-09-10T18:30", "blocks[0].breaks", "16:30-17:00");
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith(editor + "?saved#blocks");
        assertThat(organizer.get(editor + "?saved").body()).contains("Blocks saved.", "value=\"16:30-17:00\"",
                "value=\"Jade/room-I&amp;II\"");

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, first, talk("Android containers <and> binderfs", 20, "a@example.org"),
                null, Instant.now()));
        publish(new ProposalAccepted(conferenceId, second, talk("CRIU and the kernel", 25, "b@example.org"), null,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> organizer.get(editor + ".json").json()
                .at("/timetable/scheduled").asInt() == 2);
        JsonNode view = organizer.get(editor + ".json").json();
        assertThat(view.at("/blocks/0/breaks/0/start").asText()).startsWith("2019-09-10T16:30");
        assertThat(view.at("/timetable/days/0/rooms/0/slots/0/title").asText()).isEqualTo("Android containers <and> binderfs");

        TestHttp.Response editorPage = organizer.get(editor);
        String token = meta(editorPage, "csrf-token");
        String header = meta(editorPage, "csrf-header");
        String talk = editor + "/talks/" + first;
        TestHttp.Response moved = organizer.postJson(talk, Map.of("start", "2019-09-10T17:30", "room", "Jade/room-I&II"),
                header, token);
        assertStatus(moved, 200);
        assertThat(moved.json().at("/timetable/days/0/rooms/0/slots/1/startLocal").asText()).startsWith("2019-09-10T17:30");
        TestHttp.Response clash = organizer.postJson(talk, Map.of("start", "2019-09-10T16:20", "room", "Jade/room-I&II"),
                header, token);
        assertStatus(clash, 409);
        assertThat(clash.json().get("detail").asText()).contains("break");
        assertThat(organizer.postJson(talk, Map.of("start", "2019-09-10T15:00", "room", "Jade/room-I&II")).status())
                .as("without the page's token").isEqualTo(403);
        assertThat(anonymous.as("other-organizer@example.org", "other-secret")
                .postJson(talk, Map.of("start", "2019-09-10T15:00", "room", "Jade/room-I&II"), header, token)
                .status()).as("another conference's organizer, even with a token").isEqualTo(403);
        TestHttp.Response bad = organizer.postJson(talk, Map.of("room", "Jade/room-I&II"), header, token);
        assertStatus(bad, 400);
        assertThat(bad.body()).contains("start");
    }

    /** What the page tells its script, as the script reads it. */
    private static String meta(TestHttp.Response page, String name) {
        Matcher matcher = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(page.body());
        assertThat(matcher.find()).as(name + " in the page").isTrue();
        return matcher.group(1);
    }

    private static String errorOf(TestHttp.Response page, String id) {
        Matcher matcher = Pattern.compile("class=\"field-error\" id=\"" + Pattern.quote(id) + "-error\">([^<]*)<")
                .matcher(page.body());
        assertThat(matcher.find()).as("an error beside " + id + " in " + page.body()).isTrue();
        return matcher.group(1);
    }
}
