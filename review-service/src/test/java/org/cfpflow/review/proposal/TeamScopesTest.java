package org.cfpflow.review.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.review.ReviewServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** What a conference's team grants: its own conference only, and a track lead only their track. */
class TeamScopesTest extends ReviewServiceTest {

    @Test
    void aTrackLeadSeesReviewsAndDecidesTheirTrackOnly() {
        TestHttp lead = anonymous.as("lead@example.org", "lead-secret");
        String kernel = submitted(kernelTalk("Kernel talk " + UUID.randomUUID()));
        String containers = submitted(talk("Containers talk", "C", "c@example.org"));

        List<String> queue = lead.get("/api/conferences/lpc2017/reviews/queue?size=200").json().path("content")
                .findValuesAsString("id");
        assertThat(queue).contains(kernel).doesNotContain(containers);
        assertThat(lead.get("/api/conferences/lpc2017/reviews/proposals?size=200").json().path("content")
                .findValuesAsString("track")).containsOnly("kernel");
        assertStatus(lead.get("/api/conferences/lpc2017/reviews/queue?track=containers"), 403);
        assertStatus(lead.get("/api/reviews/proposals/" + containers), 403);
        assertStatus(lead.postJson("/api/reviews/proposals/" + containers, Map.of("score", 1)), 403);
        assertStatus(lead.postJson("/api/reviews/proposals/" + containers + "/decision", Map.of("decision", "REJECT")),
                403);
        assertThat(organizer.get("/api/reviews/proposals/" + containers).json().path("reviewCount").asInt()).isZero();
        assertThat(organizer.get("/api/reviews/proposals/" + containers).json().has("decision")).isFalse();

        assertStatus(lead.postJson("/api/reviews/proposals/" + kernel, Map.of("score", 4)), 200);
        assertStatus(lead.postJson("/api/reviews/proposals/" + kernel + "/decision", Map.of("decision", "ACCEPT")), 200);
        assertThat(lead.get("/lpc2017/board").body()).contains("Kernel talk").doesNotContain("Containers talk");
    }

    @Test
    void theOrganizerOfAnotherConferenceCanDoNothingInThisOne() {
        publish(conference("lpc2019", true,
                List.of(new TeamMember("other-organizer@example.org", List.of(TeamRole.ORGANIZER), List.of()))));
        TestHttp other = anonymous.as("other-organizer@example.org", "other-secret");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                other.get("/api/conferences/lpc2019/reviews/queue").status() == 200);
        String id = submitted(talk("Of lpc2017", "S", "s@example.org"));

        assertStatus(other.get("/api/conferences/lpc2017/reviews/queue"), 403);
        assertStatus(other.get("/api/conferences/lpc2017/reviews/proposals"), 403);
        assertStatus(other.get("/api/reviews/proposals/" + id), 404);
        assertStatus(other.postJson("/api/reviews/proposals/" + id, Map.of("score", 5)), 404);
        assertStatus(other.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 404);
        assertThat(other.get("/api/conferences/lpc2019/reviews/proposals?size=200").json().path("content")
                .findValuesAsString("id")).doesNotContain(id);
        assertThat(other.get("/board").body()).contains("LPC lpc2019").doesNotContain("LPC lpc2017");
        assertStatus(alice.get("/api/conferences/lpc2019/reviews/queue"), 403);
        assertStatus(organizer.get("/api/conferences/nosuchconf/reviews/queue"), 404);
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().has("decision")).isFalse();
    }

    private static Talk kernelTalk(String title) {
        return new Talk(title, "The abstract", "The description", "kernel", 30,
                List.of(new Speaker("K", "k@example.org", null)));
    }
}
