package org.cfpflow.review.board;

import static org.assertj.core.api.Assertions.assertThat;

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
}
