package org.cfpflow.review.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.review.ReviewServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

class ReviewBoardTest extends ReviewServiceTest {

    @Test
    void aReviewerScoresFromTheBoardAndADeciderAcceptsThere() {
        String id = submitted(talk("<script>alert('x')</script> on the board", "Board Speaker", "board@example.org"));

        TestHttp.Response board = alice.get("/lpc2017/board");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; on the board")
                .doesNotContain("<script>alert");

        TestHttp.Response page = alice.get("/board/proposals/" + id);
        assertThat(page.body()).contains("Blind review").doesNotContain("Board Speaker").doesNotContain("Accept</button>");
        TestHttp.Response scored = alice.postForm("/board/proposals/" + id + "/review", "_csrf", page.csrfToken(),
                "score", "4", "comment", "Solid");
        assertThat(scored.status()).isEqualTo(302);
        assertThat(alice.get("/board/proposals/" + id).body()).contains("Solid");

        TestHttp.Response decider = bob.get("/board/proposals/" + id);
        TestHttp.Response decided = bob.postForm("/board/proposals/" + id + "/decision", "_csrf", decider.csrfToken(),
                "decision", "ACCEPT", "note", "");
        assertThat(decided.status()).isEqualTo(302);
        assertThat(bob.get("/board/proposals/" + id).body()).contains("ACCEPTED");

        TestHttp.Response refused = alice.postForm("/board/proposals/" + id + "/review", "_csrf",
                alice.get("/board/proposals/" + id).csrfToken(), "score", "9");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("score must be a whole number from 1 to 5");
    }

    @Test
    void aLongBoardPagesSearchesAndShowsTheReviewersProgress() {
        String conference = "board" + UUID.randomUUID().toString().substring(0, 8);
        publish(conference(conference, true, TEAM));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                alice.get("/api/conferences/" + conference + "/reviews/queue").status() == 200);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            publish(new ProposalSubmitted(conference, id, talk(String.format("Talk %02d%s", i,
                    i == 7 ? " about Checkpoints" : ""), "Speaker " + i, "speaker" + i + "@example.org"), null,
                    "http://cfp.test/proposals/" + id, null, Instant.now().plusMillis(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> alice.get("/api/conferences/" + conference
                + "/reviews/queue?size=1").json().path("page").path("totalElements").asInt() == 30);

        String board = alice.get("/" + conference + "/board").body();
        assertThat(board).contains("To review (<span>30</span>)", "0 of 30 reviewed (0 %)", "Page 1 of 2",
                "Ranking (<span>30</span>)");
        String secondPage = alice.get("/" + conference + "/board?page=1").body();
        assertThat(secondPage).contains("Page 2 of 2", "Talk 29");

        String found = alice.get("/" + conference + "/board?q=checkpoints").body();
        assertThat(found).contains("To review (<span>1</span>)", "Talk 07 about Checkpoints", "Ranking (<span>1</span>)")
                .doesNotContain("Talk 08");
        assertThat(alice.get("/api/conferences/" + conference + "/reviews/queue?q=CHECKPOINT").json().path("page")
                .path("totalElements").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/conferences/" + conference + "/reviews/queue?q=(.*").json().path("page")
                .path("totalElements").asInt()).as("the search is text, not a pattern").isZero();
        assertThat(alice.get("/api/conferences/" + conference + "/reviews/queue?q=" + "x".repeat(201)).status())
                .isEqualTo(400);

        assertStatus(alice.postJson("/api/reviews/proposals/" + ids.get(0), Map.of("score", 4)), 200);
        assertThat(alice.get("/" + conference + "/board").body()).contains("1 of 30 reviewed (3 %)",
                "To review (<span>29</span>)").doesNotContain("How the review goes");

        TestHttp.Response progress = organizer.get("/" + conference + "/board/progress");
        assertThat(progress.status()).isEqualTo(200);
        assertThat(progress.body()).contains("30</span> proposals in the running", "<title>alice@example.org: 1</title>",
                "<title>bob@example.org: 0</title>", "<title>containers (of 30): 1</title>", "<title>score 4: 1</title>",
                "<title>score 5: 0</title>", "role=\"img\"");
        assertThat(organizer.get("/" + conference + "/board").body()).contains("How the review goes");
        assertThat(alice.get("/" + conference + "/board/progress").status()).as("organizers only").isEqualTo(403);
    }
}
