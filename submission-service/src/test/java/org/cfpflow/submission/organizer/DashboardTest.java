package org.cfpflow.submission.organizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** A conference at a glance: its charts carry its numbers, name themselves and escape what organizers typed. */
class DashboardTest extends SubmissionServiceTest {

    @Test
    void theDashboardChartsSubmissionsPerDayPerTrackAndWhereTheyStand() {
        String conference = "dash" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Map<String, Object> definition = conference(now.minus(3, ChronoUnit.DAYS), now.plus(10, ChronoUnit.DAYS));
        definition.put("tracks", List.of(
                Map.of("slug", "containers", "name", "Containers", "durations", List.of(15), "leads", List.of()),
                Map.of("slug", "kernel", "name", "Kernel <b>summit</b>", "durations", List.of(30), "leads", List.of())));
        assertThat(admin.putJson("/api/conferences/" + conference, definition).status()).isEqualTo(201);
        for (int i = 0; i < 7; i++) {
            Map<String, Object> proposal = proposal("Talk " + i, "Speaker " + i, "d" + i + "@example.org");
            if (i >= 5) {
                proposal.put("track", "kernel");
                proposal.put("durationMinutes", 30);
            }
            assertThat(anonymous.postJson("/api/conferences/" + conference + "/proposals", proposal).status())
                    .isEqualTo(201);
        }

        TestHttp.Response dashboard = organizer.get("/" + conference + "/dashboard");
        assertThat(dashboard.status()).as(dashboard.body()).isEqualTo(200);
        String today = LocalDate.now(ZoneId.of("America/Los_Angeles")).toString();
        assertThat(dashboard.body()).contains("7</span> proposals")
                .contains("<title>" + today + ": 7</title>")
                .contains("<title>Containers: 5</title>", "<title>Kernel &lt;b&gt;summit&lt;/b&gt;: 2</title>")
                .contains("<title>submitted: 7</title>", "<title>confirmed by their speakers: 0</title>")
                .contains("role=\"img\"").doesNotContain("<b>summit");
        assertThat(dashboard.body().split("<svg", -1)).hasSize(4);

        assertThat(anonymous.get("/" + conference + "/dashboard").status()).isEqualTo(401);
        assertThat(TestHttp.localhost(port).as("other-organizer@example.org", "other-secret")
                .get("/" + conference + "/dashboard").status()).isEqualTo(403);
    }
}
