package org.cfpflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cfpflow.local.SampleConference;
import org.cfpflow.testsupport.SharedFiles;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Assumptions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One of the sample conferences played through the system: defined with its track leads as the reviewers and
 * deciders of their tracks, its proposals submitted (their ids and edit tokens kept).
 */
final class PlayedConference {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The passwords of the e2e users (e2e-users.yml). */
    static final Map<String, String> PASSWORDS = Map.of("organizer@example.org", "organizer",
            "stephane.graber@example.org", "stephane", "christian.brauner@example.org", "christian",
            "mike.rapoport@example.org", "mike", "organizer2019@example.org", "organizer2019");

    final String id;
    final JsonNode dataset;
    private final SampleConference sample;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final Map<String, JsonNode> proposals = new LinkedHashMap<>();
    /** As {@link #define} last sent it. */
    private ObjectNode definition;

    private PlayedConference(SampleConference sample) {
        this.sample = sample;
        this.id = sample.id();
        this.dataset = sample.dataset();
    }

    /** The dataset from ../shared/datasets; the test is skipped where it is not beside the checkout. */
    static PlayedConference of(String file) {
        Path sample = SharedFiles.find("datasets/" + file).orElse(null);
        Assumptions.assumeTrue(sample != null, "shared/datasets/" + file + " is not beside this checkout");
        try {
            return new PlayedConference(SampleConference.read(sample));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TestHttp as(RunningSystem system, String service, String email) {
        return new TestHttp(system.url(service)).as(email, PASSWORDS.get(email));
    }

    /** Its call open now; the admin creates it, organized by the admin and {@code organizers}; then its blocks. */
    void define(RunningSystem system, String... organizers) {
        define(system, Map.of(), organizers);
    }

    /** As {@link #define(RunningSystem, String...)}, with more of the conference's settings ({@code confirmation}, say). */
    void define(RunningSystem system, Map<String, Object> settings, String... organizers) {
        List<Map<String, Object>> team = new ArrayList<>();
        team.add(Map.of("email", "organizer@example.org", "roles", List.of("ORGANIZER")));
        for (String organizer : organizers) {
            team.add(Map.of("email", organizer, "roles", List.of("ORGANIZER")));
        }
        ObjectNode conference = sample.definition(team);
        settings.forEach((name, value) -> conference.set(name, JSON.valueToTree(value)));
        definition = conference;
        TestHttp admin = as(system, "submission", "organizer@example.org");
        assertThat(admin.putJson("/api/conferences/" + id, conference.toString()).status()).isEqualTo(201);
        String blocks = sample.blocks().toString();
        TestHttp schedule = as(system, "schedule", "organizer@example.org");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                schedule.putJson("/api/conferences/" + id + "/timetable/blocks", blocks).status() == 200);
    }

    /** Its organizer changes some of its settings ({@code publish}, say); the rest stays as defined. */
    void redefine(RunningSystem system, Map<String, Object> settings) {
        TestHttp organizer = as(system, "submission", "organizer@example.org");
        settings.forEach((name, value) -> definition.set(name, JSON.valueToTree(value)));
        assertThat(organizer.putJson("/api/conferences/" + id, definition.toString()).status()).isEqualTo(200);
    }

    /** Submits its {@code i}th proposal, as its speakers would. */
    void submit(TestHttp submission, int i) {
        JsonNode proposal = dataset.path("proposals").get(i);
        JsonNode created = submission.postJson("/api/conferences/" + id + "/proposals", proposal.toString()).json();
        tokens.put(created.path("id").asString(), created.path("editToken").asString());
        proposals.put(created.path("id").asString(), proposal);
    }

    int size() {
        return dataset.path("proposals").size();
    }

    /** The leads of the proposal's track who do not speak on it: who may review and decide it. */
    List<String> reviewersOf(String proposalId) {
        return sample.reviewersOf(proposals.get(proposalId));
    }

    /** Every talk the timetable places, with its room. */
    static List<JsonNode> slots(JsonNode timetable) {
        List<JsonNode> slots = new ArrayList<>();
        timetable.path("days").forEach(day -> day.path("rooms").forEach(room -> room.path("slots").forEach(slot ->
                slots.add(((ObjectNode) slot.deepCopy()).put("room", room.path("name").asString())))));
        return slots;
    }

    /**
     * Every placed talk is inside a block of its room, outside its breaks, and overlaps no other talk in the room.
     */
    void assertPlacedByTheRules(List<JsonNode> slots) {
        for (JsonNode slot : slots) {
            LocalDateTime start = LocalDateTime.parse(slot.path("startLocal").asString());
            LocalDateTime end = LocalDateTime.parse(slot.path("endLocal").asString());
            boolean inABlock = false;
            for (JsonNode block : dataset.path("timetable")) {
                if (block.path("room").equals(slot.path("room")) && !start.isBefore(LocalDateTime.parse(block.path("start").asString()))
                        && !end.isAfter(LocalDateTime.parse(block.path("end").asString()))) {
                    inABlock = true;
                    for (JsonNode pause : block.path("breaks")) {
                        assertThat(end.isAfter(LocalDateTime.parse(pause.path("start").asString()))
                                && start.isBefore(LocalDateTime.parse(pause.path("end").asString()))).as("in a break").isFalse();
                    }
                }
            }
            assertThat(inABlock).as(slot + " inside a block").isTrue();
            for (JsonNode other : slots) {
                if (other != slot && other.path("room").equals(slot.path("room"))) {
                    LocalDateTime otherStart = LocalDateTime.parse(other.path("startLocal").asString());
                    LocalDateTime otherEnd = LocalDateTime.parse(other.path("endLocal").asString());
                    assertThat(start.isBefore(otherEnd) && otherStart.isBefore(end)).as("overlap").isFalse();
                }
            }
        }
    }
}
