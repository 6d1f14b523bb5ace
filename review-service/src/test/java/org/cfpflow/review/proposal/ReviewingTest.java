package org.cfpflow.review.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.Track;
import org.cfpflow.review.ReviewServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ReviewingTest extends ReviewServiceTest {

    private static List<String> queueIds(TestHttp reviewer) {
        return reviewer.get("/api/conferences/lpc2017/reviews/queue?size=200").json().path("content").findValuesAsString("id");
    }

    @Test
    void theQueueIsBlindOldestFirstAndHoldsWhatTheReviewerHasNotReviewed() {
        String first = submitted(talk("Welcome to the containers micro-conference", "Stéphane Graber",
                "stephane.graber@example.org"));
        String second = submitted(talk("LXCFS", "Serge Hallyn", "serge.hallyn@example.org"));

        JsonNode queue = alice.get("/api/conferences/lpc2017/reviews/queue?size=200").json();
        List<String> ids = queue.path("content").findValuesAsString("id");
        assertThat(ids).containsSubsequence(first, second);
        assertThat(queue.path("content").findValues("speakers")).isEmpty();
        assertThat(queue.toString()).doesNotContain("stephane.graber@example.org", "Canonical", "Stéphane");
        assertThat(queue.path("page").path("totalElements").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(organizer.get("/api/reviews/proposals/" + first).json().path("speakers").get(0).path("name")
                .asString()).isEqualTo("Stéphane Graber");

        assertThat(queueIds(serge)).contains(first).doesNotContain(second);
        assertStatus(alice.postJson("/api/reviews/proposals/" + first, Map.of("score", 4)), 200);
        assertThat(queueIds(alice)).doesNotContain(first).contains(second);
        assertThat(queueIds(bob)).contains(first, second);
    }

    @Test
    void aSecondReviewReplacesTheFirstAndTheFiguresFollow() {
        String id = submitted(talk("AppSwitch", "Dinesh Subhraveti", "dinesh@example.org"));

        assertStatus(alice.postJson("/api/reviews/proposals/" + id, Map.of("score", 2, "comment", "Hmm")), 200);
        assertStatus(alice.postJson("/api/reviews/proposals/" + id, Map.of("score", 4, "comment", "On reflection, good")), 200);
        JsonNode reviewed = bob.postJson("/api/reviews/proposals/" + id, Map.of("score", 5)).json();

        assertThat(reviewed.path("reviewCount").asInt()).isEqualTo(2);
        assertThat(reviewed.path("meanScore").asDouble()).isEqualTo(4.5);
        assertThat(reviewed.path("medianScore").asDouble()).isEqualTo(4.5);
        JsonNode detail = alice.get("/api/reviews/proposals/" + id).json();
        assertThat(detail.path("reviews").findValuesAsString("reviewer"))
                .containsExactlyInAnyOrder("alice@example.org", "bob@example.org");
        assertThat(detail.path("reviews").findValuesAsString("comment")).contains("On reflection, good");
        assertStatus(organizer.postJson("/api/reviews/proposals/" + id, Map.of("score", 3)), 200);
        assertThat(alice.get("/api/reviews/proposals/" + id).json().path("medianScore").asDouble()).isEqualTo(4.0);
    }

    @Test
    void aSpeakerCannotReviewOrDecideTheirOwnProposal() {
        String id = submitted(talk("LXD clustering", "Serge Hallyn", "Serge.Hallyn@example.org"));

        TestHttp.Response review = serge.postJson("/api/reviews/proposals/" + id, Map.of("score", 5));
        assertStatus(review, 403);
        assertThat(review.contentType()).startsWith("application/problem+json");
        assertThat(review.json().path("detail").asString()).contains("Conflict of interest");
        assertStatus(serge.postJson("/api/reviews/proposals/" + id + "/decision", Map.of("decision", "ACCEPT")), 403);
        assertStatus(serge.get("/api/reviews/proposals/" + id), 403);
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().path("reviewCount").asInt()).isZero();
    }

    @Test
    void badInputIsRefusedWithAProblemAndChangesNothing() {
        String id = submitted(talk("Bad input", "A Speaker", "a@example.org"));
        for (Object body : List.of(Map.of("score", 0), Map.of("score", 6), Map.of("comment", "no score"),
                Map.of("score", 3, "comment", "x".repeat(5_001)))) {
            TestHttp.Response refused = alice.postJson("/api/reviews/proposals/" + id, body);
            assertStatus(refused, 400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors")).isNotEmpty();
        }
        TestHttp.Response wrongType = alice.postJson("/api/reviews/proposals/" + id, "{\"score\": \"five\"}");
        assertStatus(wrongType, 400);
        assertThat(wrongType.json().path("errors").findValuesAsString("field")).containsExactly("score");
        assertStatus(alice.postJson("/api/reviews/proposals/" + id, "{\"score\": "), 400);
        assertStatus(alice.postJson("/api/reviews/proposals/no-such-proposal", Map.of("score", 3)), 404);
        assertStatus(alice.get("/api/conferences/lpc2017/reviews/proposals?sort=random"), 400);
        assertThat(organizer.get("/api/reviews/proposals/" + id).json().path("reviewCount").asInt()).isZero();
    }

    @Test
    void theRankingPutsTheBestMeanScoreFirst() {
        String weak = submitted(talk("Ranking weak", "W", "w@example.org"));
        String strong = submitted(talk("Ranking strong", "S", "s@example.org"));
        alice.postJson("/api/reviews/proposals/" + weak, Map.of("score", 1));
        alice.postJson("/api/reviews/proposals/" + strong, Map.of("score", 5));
        bob.postJson("/api/reviews/proposals/" + strong, Map.of("score", 5));

        List<String> ranking = organizer.get("/api/conferences/lpc2017/reviews/proposals?sort=score&size=200").json().path("content")
                .findValuesAsString("id");
        assertThat(ranking.indexOf(strong)).isLessThan(ranking.indexOf(weak));
        assertThat(ranking.get(0)).isEqualTo(strong);
    }

    @Test
    void reviewIsOpenWhenTheConferenceTurnsBlindReviewOff() {
        String id = submitted(talk("Open review", "Christian Brauner", "christian@example.org"));
        publish(conference(CONFERENCE, false, TEAM));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    alice.get("/api/reviews/proposals/" + id).json().has("speakers"));
            assertThat(alice.get("/api/reviews/proposals/" + id).json().path("speakers").get(0).path("name")
                    .asString()).isEqualTo("Christian Brauner");
        }
        finally {
            publish(conference(CONFERENCE, true, TEAM));
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    !alice.get("/api/reviews/proposals/" + id).json().has("speakers"));
        }
    }
}
