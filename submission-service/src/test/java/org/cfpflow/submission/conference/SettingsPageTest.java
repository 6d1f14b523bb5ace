package org.cfpflow.submission.conference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cfpflow.submission.SubmissionServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** A conference created and changed from its settings page: the API's rules, each error beside its field. */
class SettingsPageTest extends SubmissionServiceTest {

    @Test
    void anAdminCreatesAConferenceFromTheFormAndItsOrganizerChangesIt() {
        String conference = "set" + UUID.randomUUID().toString().substring(0, 8).replace('-', '0');
        assertThat(anonymous.get("/conferences/new").status()).isEqualTo(401);
        assertThat(organizer.get("/conferences/new").status()).as("only an admin creates").isEqualTo(403);
        TestHttp.Response blank = admin.get("/conferences/new");
        assertThat(blank.status()).isEqualTo(200);
        assertThat(blank.body()).contains("A new conference", "<label for=\"tracks-0-slug\"", "<label for=\"team-2-email\"");

        // the second team row filled and the first left blank: its errors are the second row's
        List<String> bad = new ArrayList<>(List.of("_csrf", blank.csrfToken(), "id", conference, "title", " ",
                "timezone", "Mars/Olympus", "callOpens", "2019-06-01T00:00", "callCloses", "2019-05-01T00:00",
                "tracks[0].slug", "Containers CR", "tracks[0].name", "Containers and Checkpoint/Restore MC",
                "tracks[0].durations", "15, 7", "tracks[0].leads", "Stéphane Graber stephane.graber@example.org",
                "team[0].email", "", "_team[0].roles", "on", "team[1].email", "nobody", "_team[1].roles", "on",
                "team[1].tracks", "kernel", "remindAfter", "a week"));
        TestHttp.Response refused = admin.postForm("/conferences/new", bad.toArray(String[]::new));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(errorOf(refused, "title")).contains("is required");
        assertThat(errorOf(refused, "timezone")).contains("IANA");
        assertThat(errorOf(refused, "callCloses")).contains("after callOpens");
        assertThat(errorOf(refused, "tracks-0-slug")).contains("lower-case");
        assertThat(errorOf(refused, "tracks-0-durations")).contains("multiple of 5");
        assertThat(errorOf(refused, "tracks-0-leads")).contains("line 1 must read Name <address>");
        assertThat(errorOf(refused, "team-1-email")).contains("not an e-mail address");
        assertThat(errorOf(refused, "team-1-roles")).contains("is required");
        assertThat(errorOf(refused, "team-1-tracks")).contains("not a track of this conference");
        assertThat(errorOf(refused, "remindAfter")).contains("P7D");
        assertThat(refused.body()).as("the input points at its error")
                .contains("id=\"title\" name=\"title\"", "aria-invalid=\"true\" aria-describedby=\"title-error\"")
                .contains("Containers and Checkpoint/Restore MC").as("what was typed is kept");
        assertThat(refused.body()).doesNotContain("team-0-email-error");
        assertThat(admin.get("/api/conferences/" + conference).status()).as("nothing saved").isEqualTo(404);

        TestHttp.Response created = admin.postForm("/conferences/new", "_csrf", blank.csrfToken(), "id", conference,
                "title", "Linux Plumbers <Conference> 2019", "timezone", "Europe/Lisbon", "callOpens", "2019-03-01T00:00",
                "callCloses", "2019-06-30T23:59", "start", "2019-09-09", "end", "2019-09-11", "publish", "RELEASES",
                "_blindReview", "on", "tracks[0].slug", "containers-cr",
                "tracks[0].name", "Containers and Checkpoint/Restore MC", "tracks[0].durations", "25, 15 20",
                "tracks[0].leads", "Stéphane Graber <stephane.graber@example.org>\n\nChristian Brauner <christian.brauner@example.org>",
                "team[0].email", ORGANIZER, "team[0].roles", "ORGANIZER", "_team[0].roles", "on",
                "_team[1].roles", "on", "team[2].email", "Mike.Rapoport@example.org", "team[2].roles", "REVIEWER",
                "team[2].roles", "DECIDER", "_team[2].roles", "on", "team[2].tracks", "containers-cr",
                "remindAfter", "P7D", "releaseUnconfirmed", "true", "_releaseUnconfirmed", "on");
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith("/" + conference + "/settings?saved");

        JsonNode defined = admin.get("/api/conferences/" + conference).json();
        assertThat(defined.get("title").asText()).isEqualTo("Linux Plumbers <Conference> 2019");
        assertThat(defined.get("callOpens").asText()).as("Lisbon in winter: UTC").isEqualTo("2019-03-01T00:00:00Z");
        assertThat(defined.get("callCloses").asText()).as("Lisbon in summer: UTC+1").isEqualTo("2019-06-30T22:59:00Z");
        assertThat(defined.get("blindReview").asBoolean()).as("unchecked").isFalse();
        assertThat(defined.get("publish").asText()).isEqualTo("RELEASES");
        assertThat(defined.at("/tracks/0/durations").toString()).isEqualTo("[15,20,25]");
        assertThat(defined.at("/tracks/0/leads/1/name").asText()).isEqualTo("Christian Brauner");

        TestHttp.Response settings = organizer.get("/" + conference + "/settings?saved");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).contains("Saved.", "Linux Plumbers &lt;Conference&gt; 2019", "2019-03-01T00:00",
                "2019-06-30T23:59", "Christian Brauner &lt;christian.brauner@example.org&gt;", "mike.rapoport@example.org",
                "value=\"P7D\"").doesNotContain("<Conference>");
        assertThat(settings.body()).as("the team's second member, as given in its third row")
                .contains("name=\"team[1].email\" value=\"mike.rapoport@example.org\"",
                        "name=\"team[1].roles\" value=\"REVIEWER\" checked", "name=\"team[1].roles\" value=\"DECIDER\" checked",
                        "name=\"team[1].tracks\" value=\"containers-cr\"")
                .doesNotContain("name=\"team[1].roles\" value=\"ORGANIZER\" checked");

        TestHttp.Response changed = organizer.postForm("/" + conference + "/settings", "_csrf", settings.csrfToken(),
                "title", "Linux Plumbers Conference 2019", "timezone", "Europe/Lisbon", "callOpens", "2019-03-01T00:00",
                "callCloses", "2019-07-15T23:59", "blindReview", "true", "_blindReview", "on", "publish", "LIVE",
                "tracks[0].slug", "containers-cr", "tracks[0].name", "Containers and Checkpoint/Restore MC",
                "tracks[0].durations", "15, 20, 25", "team[0].email", ORGANIZER, "team[0].roles", "ORGANIZER",
                "_team[0].roles", "on");
        assertThat(changed.status()).as(changed.body()).isEqualTo(302);
        JsonNode now = admin.get("/api/conferences/" + conference).json();
        assertThat(now.get("callCloses").asText()).isEqualTo("2019-07-15T22:59:00Z");
        assertThat(now.get("blindReview").asBoolean()).isTrue();
        assertThat(organizer.get("/" + conference + "/settings").body()).as("the reviewer's row was left out")
                .contains("name=\"team[1].email\" value=\"\"").doesNotContain("mike.rapoport");
        assertThat(now.has("confirmation") && !now.get("confirmation").isNull()).isFalse();

        TestHttp.Response more = organizer.postForm("/" + conference + "/settings", "_csrf", settings.csrfToken(),
                "title", "Kept while adding rows", "tracks[0].slug", "containers-cr", "more", "rows");
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.body()).contains("Kept while adding rows", "tracks-2-slug").doesNotContain("Saved.");
        assertThat(admin.get("/api/conferences/" + conference).json().get("title").asText())
                .as("more rows saves nothing").isEqualTo("Linux Plumbers Conference 2019");

        TestHttp other = TestHttp.localhost(port).as("other-organizer@example.org", "other-secret");
        assertThat(other.get("/" + conference + "/settings").status()).isEqualTo(403);
        assertThat(anonymous.get("/" + conference + "/settings").status()).isEqualTo(401);
        TestHttp.Response taken = admin.postForm("/conferences/new", "_csrf", blank.csrfToken(), "id", conference,
                "title", "Again");
        assertThat(taken.status()).isEqualTo(400);
        assertThat(errorOf(taken, "id")).contains("is taken");
        assertThat(organizer.postForm("/" + conference + "/settings", "title", "No token").status())
                .as("a form without its CSRF token").isEqualTo(403);
    }

    /** The text of the error paragraph tied to the input {@code id}. */
    private static String errorOf(TestHttp.Response page, String id) {
        Matcher matcher = Pattern.compile("class=\"field-error\" id=\"" + Pattern.quote(id) + "-error\">([^<]*)<").matcher(page.body());
        assertThat(matcher.find()).as("an error beside " + id + " in " + page.body()).isTrue();
        return matcher.group(1).replace("&lt;", "<").replace("&gt;", ">");
    }
}
