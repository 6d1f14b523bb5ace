package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.events.Topics;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.KafkaProbe;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class ProposalApiTest extends SubmissionServiceTest {

    @BeforeEach
    void open() {
        openCall();
    }

    @Test
    void submittingAnswers201WithLocationTokenAndTheProposalAndAnnouncesItOnce() {
        Map<String, Object> proposal = proposal("Exposing resource limits to containers with LXCFS",
                "Stéphane Graber", "stephane.graber@example.org", "Christian Brauner", "christian@example.org");
        proposal.put("notes", "Can only come on the first day.");

        TestHttp.Response created = submit(proposal);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asString();
        assertThat(created.header("Location")).endsWith("/api/proposals/" + id);
        assertThat(body.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(body.path("editToken").asString()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(body.path("speakers").get(0).path("name").asString()).isEqualTo("Stéphane Graber");
        assertThat(body.path("abstract").asString()).isEqualTo("What this talk is about.");

        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(Topics.PROPOSALS, id), records -> !records.isEmpty());
        assertThat(types(events)).containsExactly("ProposalSubmitted");
        ConsumerRecord<String, byte[]> event = events.get(0);
        assertThat(KafkaProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(KafkaProbe.header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(KafkaProbe.header(event, "ce_source")).isEqualTo("/submission-service");
        assertThat(KafkaProbe.value(event)).contains("\"name\":\"Stéphane Graber\"",
                "\"editUrl\":\"http://cfp.test/proposals/" + id + "\"", "\"sealedEditToken\":\"v1.test.",
                "\"notes\":\"Can only come on the first day.\"").doesNotContain(body.path("editToken").asString());
    }

    @Test
    void theEditTokenOrTheOrganizerRoleOpensAProposalAndNothingElseDoes() {
        JsonNode created = submit(proposal("AppSwitch", "Dinesh Subhraveti", "dinesh@example.org")).json();
        String id = created.path("id").asString();
        String token = created.path("editToken").asString();
        String otherToken = submit(proposal("Other", "Other Speaker", "other@example.org")).json()
                .path("editToken").asString();

        assertThat(anonymous.get("/api/proposals/" + id, "X-Edit-Token", token).status()).isEqualTo(200);
        assertThat(organizer.get("/api/proposals/" + id).status()).isEqualTo(200);
        assertThat(organizer.get("/api/proposals/" + id).json().has("editToken")).isFalse();
        TestHttp.Response wrong = anonymous.get("/api/proposals/" + id, "X-Edit-Token", otherToken);
        TestHttp.Response missing = anonymous.get("/api/proposals/" + id);
        TestHttp.Response unknown = anonymous.get("/api/proposals/no-such-id", "X-Edit-Token", token);
        assertThat(List.of(wrong.status(), missing.status(), unknown.status())).containsOnly(404);
        assertThat(wrong.json().path("detail").asString())
                .isEqualTo(missing.json().path("detail").asString().replace("no-such-id", id));

        Map<String, Object> edit = proposal("AppSwitch, edited", "Dinesh Subhraveti", "dinesh@example.org");
        // writes too: a wrong or missing token is the 404 of an unknown proposal, so that nobody learns which exist
        TestHttp.Response wrongEdit = anonymous.putJson("/api/proposals/" + id, edit, "X-Edit-Token", otherToken);
        TestHttp.Response missingEdit = anonymous.putJson("/api/proposals/" + id, edit);
        TestHttp.Response unknownEdit = anonymous.putJson("/api/proposals/no-such-id", edit, "X-Edit-Token", token);
        TestHttp.Response wrongWithdrawal = anonymous.postJson("/api/proposals/" + id + "/withdraw", "",
                "X-Edit-Token", otherToken);
        assertThat(List.of(wrongEdit.status(), missingEdit.status(), unknownEdit.status(), wrongWithdrawal.status()))
                .containsOnly(404);
        assertThat(wrongEdit.json().path("detail").asString())
                .isEqualTo(unknownEdit.json().path("detail").asString().replace("no-such-id", id));
        assertThat(organizer.get("/api/proposals/" + id).json().path("title").asString()).isEqualTo("AppSwitch");
        assertThat(anonymous.get("/api/conferences/lpc2017/proposals").status()).isEqualTo(401);
    }

    @Test
    void aSpeakerEditsWhileSubmittedWithdrawsOnceAndCannotEditAfterwards() {
        JsonNode created = submit(proposal("Container checkpointing", "Adrian Reber", "adrian@example.org")).json();
        String id = created.path("id").asString();
        String token = created.path("editToken").asString();
        Map<String, Object> edit = proposal("Container checkpointing with CRIU", "Adrian Reber", "adrian@example.org");
        edit.put("durationMinutes", 20);

        TestHttp.Response edited = anonymous.putJson("/api/proposals/" + id, edit, "X-Edit-Token", token);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("title").asString()).isEqualTo("Container checkpointing with CRIU");
        assertThat(edited.json().path("durationMinutes").asInt()).isEqualTo(20);
        // unchanged content: no new event
        assertThat(anonymous.putJson("/api/proposals/" + id, edit, "X-Edit-Token", token).status()).isEqualTo(200);

        TestHttp.Response withdrawn = anonymous.postJson("/api/proposals/" + id + "/withdraw", "",
                "X-Edit-Token", token);
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(organizer.postJson("/api/proposals/" + id + "/withdraw", "").status()).isEqualTo(200);

        TestHttp.Response late = anonymous.putJson("/api/proposals/" + id, edit, "X-Edit-Token", token);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("WITHDRAWN");

        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(Topics.PROPOSALS, id), records -> records.size() >= 3);
        assertThat(types(events)).containsExactly("ProposalSubmitted", "ProposalUpdated", "ProposalWithdrawn");
    }

    @Test
    void organizersListProposalsPagedAndFilteredByTrackAndStatus() {
        String marker = "kernel-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> proposal = proposal(marker + " " + i, "Kernel Hacker", "hacker" + i + "@example.org");
            proposal.put("track", "kernel");
            proposal.put("durationMinutes", 30);
            assertThat(submit(proposal).status()).isEqualTo(201);
        }

        TestHttp.Response page = organizer.get("/api/conferences/lpc2017/proposals?track=kernel&status=SUBMITTED&page=0&size=2");

        assertThat(page.status()).isEqualTo(200);
        JsonNode json = page.json();
        assertThat(json.path("content")).hasSize(2);
        assertThat(json.path("page").path("size").asInt()).isEqualTo(2);
        assertThat(json.path("page").path("number").asInt()).isZero();
        assertThat(json.path("page").path("totalElements").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(json.path("page").path("totalPages").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(json.path("content").findValuesAsString("track")).containsOnly("kernel");
        assertThat(organizer.get("/api/conferences/lpc2017/proposals?status=MAYBE").status()).isEqualTo(400);
        assertThat(organizer.get("/api/conferences/lpc2017/proposals?size=0").status()).isEqualTo(400);
    }
}
