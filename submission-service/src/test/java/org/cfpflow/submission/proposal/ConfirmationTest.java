package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.Topics;
import org.cfpflow.messaging.CloudEventRecords;
import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** An accepted talk's speakers confirm or decline it, with their edit token; nothing else can be either. */
class ConfirmationTest extends SubmissionServiceTest {

    @BeforeEach
    void open() {
        openCall();
    }

    private JsonNode submitted(String title) {
        return submit(proposal(title, "Stéphane Graber", "stgraber@example.org")).json();
    }

    private void accept(String id) {
        kafka.send(CloudEventRecords.of(new ProposalAccepted(CONFERENCE, id, ProposalStatusFromEventsTest.TALK, null,
                Instant.now()), "/test"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(organizer.get("/api/proposals/" + id)
                .json().path("status").asString()).isEqualTo("ACCEPTED"));
    }

    @Test
    void aSubmittedProposalCanBeNeitherConfirmedNorDeclined() {
        JsonNode created = submitted("LXD");
        String id = created.path("id").asString();
        String token = created.path("editToken").asString();

        for (String action : List.of("confirm", "decline")) {
            TestHttp.Response refused = (anonymous.postJson("/api/proposals/" + id + "/" + action, "",
                    "X-Edit-Token", token));
            assertThat(refused.status()).as(action).isEqualTo(409);
            assertThat(refused.json().path("detail").asString()).contains("SUBMITTED");
            assertThat(refused.json().path("proposalStatus").asString()).isEqualTo("SUBMITTED");
        }
        assertThat(organizer.get("/api/proposals/" + id).json().path("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void theSpeakersConfirmOnceThenDeclineAndTheTalkIsOutForGood() {
        JsonNode created = submitted("LXD clustering");
        String id = created.path("id").asString();
        String token = created.path("editToken").asString();
        accept(id);
        // without the token, or with another's: the 404 of an unknown id
        assertThat(anonymous.postJson("/api/proposals/" + id + "/confirm", "").status()).isEqualTo(404);
        assertThat(anonymous.postJson("/api/proposals/" + id + "/confirm", "", "X-Edit-Token", "x".repeat(43))
                .status()).isEqualTo(404);

        JsonNode confirmed = anonymous.postJson("/api/proposals/" + id + "/confirm", "", "X-Edit-Token", token).json();
        assertThat(confirmed.path("confirmed").asBoolean()).isTrue();
        assertThat(confirmed.path("status").asString()).isEqualTo("ACCEPTED");
        // again: the same answer, no second event
        assertThat(anonymous.postJson("/api/proposals/" + id + "/confirm", "", "X-Edit-Token", token).status())
                .isEqualTo(200);

        JsonNode declined = organizer.postJson("/api/proposals/" + id + "/decline", "").json();
        assertThat(declined.path("status").asString()).isEqualTo("DECLINED");
        TestHttp.Response late = (anonymous.postJson("/api/proposals/" + id + "/confirm", "", "X-Edit-Token",
                token));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asString()).contains("DECLINED");
        // declining again changes nothing
        assertThat(anonymous.postJson("/api/proposals/" + id + "/decline", "", "X-Edit-Token", token).json()
                .path("status").asString()).isEqualTo("DECLINED");

        List<ConsumerRecord<String, byte[]>> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> events(Topics.PROPOSALS, id), records -> records.size() >= 3);
        assertThat(types(events)).containsExactly("ProposalSubmitted", "ProposalConfirmed", "ProposalDeclined");
        assertThat(organizer.get("/api/proposals/" + id + "/timeline").json().findValuesAsString("type"))
                .contains("ProposalConfirmed", "ProposalDeclined");
    }
}
