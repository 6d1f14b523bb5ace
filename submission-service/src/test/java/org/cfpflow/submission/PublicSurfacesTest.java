package org.cfpflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The call, its page and the API documents name people, never their e-mail addresses, and show no token. */
class PublicSurfacesTest extends SubmissionServiceTest {

    @Test
    void noPublicSurfaceShowsAnAddressOrAToken() {
        openCall();
        String email = "speaker-" + UUID.randomUUID().toString().substring(0, 8) + "@private.example.org";
        JsonNode submitted = submit(proposal("Public surfaces", "Private Speaker", email)).json();
        String token = submitted.path("editToken").asString();
        assertThat(token).isNotBlank();

        JsonNode conference = anonymous.get("/api/conferences/lpc2017").json();
        assertThat(conference.path("tracks").get(0).path("leads").get(0).path("name").asString())
                .isEqualTo("Stéphane Graber");
        for (String path : List.of("/api/conferences/lpc2017", "/api/conferences", "/", "/lpc2017/", "/v3/api-docs")) {
            assertThat(anonymous.get(path).body()).as(path)
                    .doesNotContain("stephane.graber@example.org", ORGANIZER, email, token);
        }
    }
}
