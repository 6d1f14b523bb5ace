package org.cfpflow.submission.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear problem+json naming each bad field, and changes nothing. */
class ProposalValidationTest extends SubmissionServiceTest {

    private long before;

    @BeforeEach
    void open() {
        openCall();
        before = proposalCount();
    }

    private List<String> refusedFields(Object body) {
        TestHttp.Response response = anonymous.postJson("/api/conferences/lpc2017/proposals", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(proposalCount()).isEqualTo(before);
        return response.json().path("errors").findValuesAsString("field");
    }

    @Test
    void missingAndBlankFieldsAreEachNamed() {
        Map<String, Object> empty = new java.util.HashMap<>(Map.of("title", " ", "speakers", List.of()));
        assertThat(refusedFields(empty)).containsExactlyInAnyOrder("title", "abstract", "description", "track",
                "durationMinutes", "speakers");
    }

    @Test
    void textsOverTheirLimitsAreRefused() {
        Map<String, Object> proposal = proposal("x".repeat(201), "A", "a@example.org");
        proposal.put("abstract", "x".repeat(1_001));
        proposal.put("description", "x".repeat(10_001));
        assertThat(refusedFields(proposal)).containsExactlyInAnyOrder("title", "abstract", "description");
        // the limits themselves are fine, counted in characters, not bytes
        Map<String, Object> atLimit = proposal("é".repeat(200), "A", "a@example.org");
        atLimit.put("abstract", "ü".repeat(1_000));
        assertThat(submit(atLimit).status()).isEqualTo(201);
    }

    @Test
    void speakersAreCheckedOneByOne() {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            pairs.add("Speaker " + i);
            pairs.add("speaker" + i + "@example.org");
        }
        assertThat(refusedFields(proposal("Too many", pairs.toArray(String[]::new)))).containsExactly("speakers");
        assertThat(refusedFields(proposal("Bad e-mail", "A", "not-an-address", "B", "b@example.org", "C",
                "B@Example.org"))).containsExactly("speakers[0].email", "speakers[2].email");
    }

    @Test
    void trackAndDurationMustBeOnesTheCallOffers() {
        Map<String, Object> unknownTrack = proposal("Unknown track", "A", "a@example.org");
        unknownTrack.put("track", "gardening");
        assertThat(refusedFields(unknownTrack)).containsExactly("track");
        Map<String, Object> wrongLength = proposal("Wrong length", "A", "a@example.org");
        wrongLength.put("durationMinutes", 45);
        assertThat(refusedFields(wrongLength)).containsExactly("durationMinutes");
    }

    @Test
    void controlCharactersThatCouldReachMailHeadersAreRefused() {
        Map<String, Object> crlf = proposal("Subject\r\nBcc: victim@example.org", "Mallory\nBcc: x@example.org",
                "m@example.org");
        Map<String, Object> speaker = ((List<Map<String, Object>>) crlf.get("speakers")).get(0);
        speaker.put("affiliation", "Evil\rCorp");
        crlf.put("description", "NUL \u0000 inside");
        assertThat(refusedFields(crlf)).containsExactlyInAnyOrder("title", "speakers[0].name",
                "speakers[0].affiliation", "description");
    }

    @Test
    void codePointsThatXmlCannotCarryAreRefusedNamingTheField() {
        Map<String, Object> proposal = proposal("Non-character \uFFFE", "Also \uFFFF", "n@example.org");
        proposal.put("abstract", "A lone surrogate \uD800 here");
        proposal.put("description", "U+FDD0 \uFDD0 inside");
        Map<String, Object> speaker = ((List<Map<String, Object>>) proposal.get("speakers")).get(0);
        speaker.put("affiliation", "Plane 1 non-character " + new String(Character.toChars(0x1FFFF)));
        long before = proposalCount();
        assertThat(refusedFields(proposal)).containsExactlyInAnyOrder("title", "abstract", "description",
                "speakers[0].name", "speakers[0].affiliation");
        assertThat(proposalCount()).isEqualTo(before);
        Map<String, Object> fine = proposal("Emoji 😀, accents é, CJK 漢字, and \uFFFD", "Zoë", "z@example.org");
        fine.put("description", "Tabs\tand\nlines\r\nare fine in text.");
        assertThat(submit(fine).status()).isEqualTo(201);
    }

    @Test
    void unreadableBodiesAreRefusedWithTheReason() {
        TestHttp.Response malformed = anonymous.postJson("/api/conferences/lpc2017/proposals", "{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().path("detail").asString()).contains("not valid JSON");

        Map<String, Object> wrongType = proposal("Wrong type", "A", "a@example.org");
        wrongType.put("durationMinutes", "fifteen");
        TestHttp.Response typed = anonymous.postJson("/api/conferences/lpc2017/proposals", wrongType);
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.json().path("errors").findValuesAsString("field")).containsExactly("durationMinutes");

        TestHttp.Response form = anonymous.send("POST", "/api/conferences/lpc2017/proposals", "text/plain",
                "title=x".getBytes(StandardCharsets.UTF_8));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.contentType()).startsWith("application/problem+json");

        Map<String, Object> huge = proposal("Huge", "A", "a@example.org");
        huge.put("padding", "x".repeat(70 * 1024));
        TestHttp.Response tooLarge = anonymous.postJson("/api/conferences/lpc2017/proposals", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void fieldsAClientMayNotSetAreRefusedNotIgnored() {
        Map<String, Object> proposal = proposal("Extra fields", "A", "a@example.org");
        proposal.put("status", "ACCEPTED");
        long before = proposalCount();
        TestHttp.Response refused = submit(proposal);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("title", "speakers");
        assertThat(proposalCount()).isEqualTo(before);
    }

    @Test
    void submittingOutsideTheCallWindowIsAConflictThatSaysTheWindow() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant opens = now.minus(30, ChronoUnit.DAYS);
        Instant closes = now.minus(1, ChronoUnit.DAYS);
        assertThat(admin.putJson("/api/conferences/lpc2017", conference(opens, closes)).status()).isIn(200, 201);

        TestHttp.Response late = submit(proposal("Too late", "A", "a@example.org"));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(Instant.parse(late.json().path("callOpens").asString())).isEqualTo(opens);
        assertThat(Instant.parse(late.json().path("callCloses").asString())).isEqualTo(closes);
        assertThat(proposalCount()).isEqualTo(before);
    }
}
