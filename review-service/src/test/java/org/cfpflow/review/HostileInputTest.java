package org.cfpflow.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cfpflow.testsupport.HostileInputs;
import org.cfpflow.testsupport.StrictBodies;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** Reviews and decisions fed hostile bodies and paths: never a 5xx or a stack trace, nothing changed on refusal. */
class HostileInputTest extends ReviewServiceTest {

    @Test
    void reviewingAndDecidingSurviveHostileInput() {
        String id = submitted(talk("Fuzzed", "F", "f@example.org"));
        HostileInputs hostile = HostileInputs.seeded();
        for (int i = 0; i < 40; i++) {
            TestHttp.Response review = alice.send("POST", "/api/reviews/proposals/" + id, "application/json",
                    hostile.body(Map.of("score", 3, "comment", "ok")));
            HostileInputs.assertHandledCleanly("POST review #" + i, review);
            TestHttp.Response decision = bob.send("POST", "/api/reviews/proposals/" + id + "/decision",
                    "application/json", hostile.body(Map.of("decision", "ACCEPT", "note", "n")));
            HostileInputs.assertHandledCleanly("POST decision #" + i, decision);
            String junk = hostile.pathSegment();
            HostileInputs.assertHandledCleanly("GET queue", alice.get("/api/conferences/lpc2017/reviews/queue?track=" + junk + "&page=" + junk));
            HostileInputs.assertHandledCleanly("GET proposal", alice.get("/api/reviews/proposals/" + junk));
            HostileInputs.assertHandledCleanly("GET board", alice.get("/board/proposals/" + junk));
        }
        // whatever got through was a valid review or decision; none carries a hostile score
        TestHttp.Response state = organizer.get("/api/reviews/proposals/" + id);
        assertThat(state.json().path("reviews").findValues("score")).allSatisfy(score ->
                assertThat(score.asInt()).isBetween(1, 5));
    }

    @Test
    void bodiesThatMeanMoreThanOneThingAreRefusedNamingTheField() {
        String id = submitted(talk("Strict", "S", "s@example.org"));
        String before = organizer.get("/api/reviews/proposals/" + id).body();
        for (StrictBodies.Refusal refusal : StrictBodies.from(Map.of("score", 3, "comment", "ok"), "comment", "score")) {
            StrictBodies.assertRefused(refusal, alice.send("POST", "/api/reviews/proposals/" + id, "application/json",
                    refusal.body()));
        }
        for (StrictBodies.Refusal refusal : StrictBodies.from(Map.of("decision", "ACCEPT", "note", "n"), "decision", null)) {
            StrictBodies.assertRefused(refusal, bob.send("POST", "/api/reviews/proposals/" + id + "/decision",
                    "application/json", refusal.body()));
        }
        assertThat(organizer.get("/api/reviews/proposals/" + id).body()).as("nothing reviewed or decided").isEqualTo(before);
    }
}
