package org.cfpflow.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sample conference of {@code ../shared/datasets} as the demo and the end-to-end test play it: defined with its
 * call open now and its track leads as the reviewers and deciders of their tracks (pretalx's track-limited teams);
 * a proposal is reviewed and decided by the leads of its track who do not speak on it.
 */
public record SampleConference(JsonNode dataset) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static SampleConference read(Path file) throws IOException {
        return new SampleConference(JSON.readTree(file.toFile()));
    }

    /** Its acronym: the {@code {c}} of its paths. */
    public String id() {
        return dataset.path("conference").path("acronym").asString();
    }

    public String title() {
        return dataset.path("conference").path("title").asString();
    }

    public JsonNode proposals() {
        return dataset.path("proposals");
    }

    /** The body of {@code PUT /api/conferences/{c}/timetable/blocks}. */
    public ObjectNode blocks() {
        ObjectNode blocks = JSON.createObjectNode();
        blocks.set("blocks", dataset.path("timetable"));
        return blocks;
    }

    /**
     * The body of {@code PUT /api/conferences/{c}}: its call open since yesterday for 30 days; its team {@code members}
     * (organizers, reviewers of everything), then each track lead as REVIEWER and DECIDER of their tracks.
     */
    public ObjectNode definition(List<Map<String, Object>> members) {
        ObjectNode conference = (ObjectNode) dataset.path("conference").deepCopy();
        conference.remove("acronym");
        conference.remove("start");
        conference.remove("end");
        conference.put("callOpens", Instant.now().minus(Duration.ofDays(1)).toString());
        conference.put("callCloses", Instant.now().plus(Duration.ofDays(30)).toString());
        List<Map<String, Object>> team = new ArrayList<>(members);
        leads().forEach((email, tracks) -> team.add(Map.of("email", email, "roles", List.of("REVIEWER", "DECIDER"),
                "tracks", tracks)));
        conference.set("team", JSON.valueToTree(team));
        return conference;
    }

    /** Each track lead's e-mail address with the slugs of the tracks they lead. */
    public Map<String, List<String>> leads() {
        Map<String, List<String>> leads = new LinkedHashMap<>();
        for (JsonNode track : dataset.path("conference").path("tracks")) {
            for (JsonNode lead : track.path("leads")) {
                leads.computeIfAbsent(lead.path("email").asString(), e -> new ArrayList<>())
                        .add(track.path("slug").asString());
            }
        }
        return leads;
    }

    /** The leads of the proposal's track who do not speak on it: who review and decide it. */
    public List<String> reviewersOf(JsonNode proposal) {
        Set<String> speakers = Set.copyOf(proposal.path("speakers").findValuesAsString("email"));
        List<String> reviewers = new ArrayList<>();
        for (JsonNode track : dataset.path("conference").path("tracks")) {
            if (track.path("slug").asString().equals(proposal.path("track").asString())) {
                track.path("leads").findValuesAsString("email").stream().filter(e -> !speakers.contains(e))
                        .forEach(reviewers::add);
            }
        }
        return reviewers;
    }
}
