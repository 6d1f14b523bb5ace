package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.Topics;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** When the speakers can speak: given with the proposal, checked field by field, changeable after acceptance. */
class AvailabilityTest extends SubmissionServiceTest {

    @BeforeEach
    void open() {
        openCall();
    }

    private static Map<String, Object> withWindows(Map<String, Object> proposal, String... startEndPairs) {
        List<Map<String, String>> windows = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < startEndPairs.length; i += 2) {
            windows.add(Map.of("start", startEndPairs[i], "end", startEndPairs[i + 1]));
        }
        proposal.put("availability", windows);
        return proposal;
    }

    @Test
    void badWindowsAreRefusedNamingEachFieldAndNothingIsStored() {
        long before = proposalCount();
        TestHttp.Response refused = submit(withWindows(proposal("Windows", "W", "w@example.org"),
                "2017-09-13T10:00", "2017-09-13T09:00", "2017-09-13T10:00", "2017-09-13T10:10"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("availability[0].end", "availability[1].end");
        assertThat(refused.body()).contains("must be after its start", "less than the talk's 15 minutes");
        assertThat(submit(withWindows(proposal("Bad time", "W", "w@example.org"), "13 Sept, 10 am",
                "2017-09-13T11:00")).status()).isEqualTo(400);
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void anAcceptedTalksAvailabilityMayChangeButNothingElse() {
        JsonNode created = submit(withWindows(proposal("Availability", "Aleksa Sarai", "cyphar@example.org"),
                "2017-09-13T14:00", "2017-09-13T16:00")).json();
        String id = created.path("id").asString();
        String token = created.path("editToken").asString();
        assertThat(created.path("availability").get(0).path("start").asString()).isEqualTo("2017-09-13T14:00:00");
        kafka.send(CloudEventRecords.of(new ProposalAccepted(CONFERENCE, id, ProposalStatusFromEventsTest.TALK, null,
                Instant.now()), "/test"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(organizer.get("/api/proposals/" + id)
                .json().path("status").asString()).isEqualTo("ACCEPTED"));

        Map<String, Object> retitled = withWindows(proposal("Availability, renamed", "Aleksa Sarai",
                "cyphar@example.org"), "2017-09-13T14:00", "2017-09-13T16:00");
        TestHttp.Response refused = anonymous.putJson("/api/proposals/" + id, retitled, "X-Edit-Token", token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("availability until the conference");
        // the problem's own status stays the HTTP status; the proposal's is named apart
        assertThat(refused.json().path("status").asInt()).isEqualTo(409);
        assertThat(refused.json().path("proposalStatus").asString()).isEqualTo("ACCEPTED");

        Map<String, Object> later = withWindows(proposal("Availability", "Aleksa Sarai", "cyphar@example.org"),
                "2017-09-14T09:00", "2017-09-14T12:00");
        TestHttp.Response changed = anonymous.putJson("/api/proposals/" + id, later, "X-Edit-Token", token);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("availability").get(0).path("start").asString())
                .isEqualTo("2017-09-14T09:00:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> types(events(Topics.PROPOSALS, id)),
                t -> t.equals(List.of("ProposalSubmitted", "ProposalUpdated")));
    }
}
