package org.cfpflow.schedule.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.events.Publish;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.ScheduleReleased;
import org.cfpflow.messaging.EventJson;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.SharedFiles;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * Under RELEASES the public schedule, its page and exports show the latest release and the working timetable is its
 * organizers'; each release lists what it added, moved and removed since the one before, and raises
 * {@code ScheduleReleased} with them.
 */
class ReleasesTest extends ScheduleServiceTest {

    @Test
    void releasesFreezeTheWorkingTimetableAndTheirChangesAreWhatMovedSinceTheLast() throws Exception {
        conference("Europe/Prague", Publish.RELEASES);
        assertStatus(blocks(List.of(block("Room A", "2019-09-09T10:00", "2019-09-09T13:00"))), 200);
        String kept = accept("Kept", "kept@example.org");
        String moved = accept("Moved", "moved@example.org");
        String removed = accept("Removed", "removed@example.org");
        schedule(removed, 1);

        String timetable = "/api/conferences/" + conferenceId + "/timetable";
        assertThat(anonymous.get(timetable).status()).as("the working timetable is not public").isEqualTo(401);
        assertThat(anonymous.as("reviewer@example.org", "reviewer-secret").get(timetable).status()).isEqualTo(403);
        assertStatus(organizer.get(timetable), 200);
        assertThat(anonymous.get(timetable + "/stream").status()).isEqualTo(401);
        assertThat(anonymous.get(timetable + "/published").json().path("scheduled").asInt())
                .as("nothing released yet").isZero();
        assertThat(anonymous.get("/" + conferenceId + "/schedule.json").body()).doesNotContain("Kept");

        assertThat(anonymous.postJson(timetable + "/releases", Map.of("version", "v1")).status()).isEqualTo(401);
        assertThat(anonymous.as("reviewer@example.org", "reviewer-secret").postJson(timetable + "/releases",
                Map.of("version", "v1")).status()).isEqualTo(403);
        TestHttp.Response tooLong = organizer.postJson(timetable + "/releases", Map.of("version", "v".repeat(51)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("version");

        TestHttp.Response first = organizer.postJson(timetable + "/releases", Map.of("version", "v1",
                "comment", "The first timetable"));
        assertStatus(first, 201);
        assertThat(first.json().path("number").asInt()).isEqualTo(1);
        assertThat(kinds(first.json())).containsExactlyInAnyOrder("ADDED:" + kept, "ADDED:" + moved, "ADDED:" + removed);
        TestHttp.Response again = organizer.postJson(timetable + "/releases", Map.of("version", "v1"));
        assertThat(again.status()).as("a release's name is its own").isEqualTo(409);
        assertThat(again.json().path("field").asString()).isEqualTo("version");

        // the working timetable changes; the public one stays at v1 until the next release
        assertStatus(organizer.putJson(timetable + "/talks/" + moved, Map.of("start", "2019-09-09T12:00", "room", "Room A")), 200);
        publish(new ProposalWithdrawn(conferenceId, removed, talk("Removed", 30, "removed@example.org"), Instant.now()));
        String added = accept("Added", "added@example.org", "kept@example.org");
        schedule(added, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> organizer.get(timetable).json().path("scheduled").asInt() == 3
                && !organizer.get(timetable).body().contains("Removed"));
        JsonNode published = anonymous.get(timetable + "/published").json();
        assertThat(published.path("release").path("version").asString()).isEqualTo("v1");
        assertThat(published.toString()).contains("Removed").doesNotContain("\"Added\"");

        TestHttp.Response second = organizer.postJson(timetable + "/releases", Map.of("comment", "Moves"));
        assertStatus(second, 201);
        assertThat(second.json().path("version").asString()).as("named by its number when not named").isEqualTo("2");
        assertThat(kinds(second.json())).containsExactlyInAnyOrder("MOVED:" + moved, "REMOVED:" + removed,
                "ADDED:" + added);

        JsonNode list = anonymous.get(timetable + "/releases").json();
        assertThat(list.path("page").path("totalElements").asInt()).isEqualTo(2);
        assertThat(list.path("content").get(0).path("version").asString()).as("the latest first").isEqualTo("2");
        assertThat(list.toString()).as("no e-mail address on a public list").doesNotContain("@example.org");

        TestHttp.Response json = anonymous.get("/" + conferenceId + "/schedule.json");
        assertThat(json.body()).contains("Added", "Kept", "Moved").doesNotContain("Removed");
        assertThat(json.json().path("schedule").path("version").asString()).isEqualTo("2");
        Path schemaFile = SharedFiles.find("specs/schedule.schema.json").orElse(null);
        Assumptions.assumeTrue(schemaFile != null, "shared/specs/schedule.schema.json is not beside this checkout");
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6)
                .getSchema(Files.readString(schemaFile)).validate(json.body(), InputFormat.JSON)).isEmpty();

        List<ScheduleReleased> events = await().atMost(Duration.ofSeconds(30)).until(() -> released(), e -> e.size() == 2);
        assertThat(events.get(1).changes()).hasSize(3);
        assertThat(events.get(1).changes().stream().filter(c -> c.proposalId().equals(moved)).findFirst().orElseThrow()
                .slot().startLocal()).hasToString("2019-09-09T12:00");
    }

    @Test
    void underLiveThePublicScheduleIsTheWorkingTimetable() {
        conference("UTC");
        assertStatus(blocks(List.of(block("Room A", "2019-09-09T10:00", "2019-09-09T13:00"))), 200);
        String talk = accept("Live", "live@example.org");
        schedule(talk, 1);
        String timetable = "/api/conferences/" + conferenceId + "/timetable";
        assertThat(anonymous.get(timetable).json().path("scheduled").asInt()).isEqualTo(1);
        JsonNode published = anonymous.get(timetable + "/published").json();
        assertThat(published.path("scheduled").asInt()).isEqualTo(1);
        assertThat(published.path("publish").asString()).isEqualTo("LIVE");
        assertThat(published.path("release").isNull()).isTrue();
    }

    private String accept(String title, String... emails) {
        String id = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, id, talk(title, 30, emails), null, Instant.now()));
        return id;
    }

    private List<ScheduleReleased> released() {
        return kafka.readAll("cfp.schedule").stream().filter(r -> conferenceId.equals(r.key()))
                .filter(r -> "ScheduleReleased".equals(KafkaProbe.header(r, "ce_type")))
                .map(ReleasesTest::payload).toList();
    }

    private static ScheduleReleased payload(ConsumerRecord<String, byte[]> record) {
        return EventJson.read(record.value(), ScheduleReleased.class);
    }

    private static List<String> kinds(JsonNode release) {
        return release.path("changes").valueStream()
                .map(c -> c.path("kind").asString() + ":" + c.path("proposalId").asString()).toList();
    }
}
