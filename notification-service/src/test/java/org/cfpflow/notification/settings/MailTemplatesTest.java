package org.cfpflow.notification.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.ReceivedMail;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/**
 * A conference's own wording of its acceptances: previewed, refused with the field named where a placeholder does
 * not exist (nothing saved), and used for the e-mails made after it is saved, never for one made before.
 */
class MailTemplatesTest extends NotificationServiceTest {

    @Test
    void aSavedWordingIsUsedForTheNextEmailsOnly() {
        String conference = "words" + run;
        publish(new ConferenceDefined(conference, "Worded <Conference>", LOS_ANGELES.getId(),
                Instant.parse("2017-06-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"),
                List.of(new Track("containers", "Containers", List.of(5, 15, 20), List.<Person>of())), true, null,
                null, List.of(new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now()));
        String template = "/" + conference + "/emails/templates/ACCEPTED";
        await().atMost(Duration.ofSeconds(30)).until(() -> organizer.get(template).status() == 200);
        TestHttp.Response page = organizer.get(template);
        assertThat(page.body()).contains("use the default wording", "Good news", "{{confirmUrl}}");
        assertThat(TestHttp.localhost(port).as("other-organizer@example.org", "other-secret").get(template).status())
                .isEqualTo(403);

        TestHttp.Response refused = organizer.postForm(template, "_csrf", page.csrfToken(), "subject", "",
                "body", "Hello {{nmae}}, {{title}} is in.", "action", "save");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"body-error\">uses {{nmae}}, which is not a placeholder",
                "id=\"subject-error\">is required", "aria-describedby=\"body-error\"");
        assertThat(organizer.get(template).body()).as("nothing saved").contains("use the default wording");

        // an acceptance made before the wording changes keeps the default text (held here, so that it is still unsent)
        TestHttp.Response settings = organizer.get("/" + conference + "/emails/settings");
        organizer.postForm("/" + conference + "/emails/settings", "_csrf", settings.csrfToken(), "hold", "ACCEPTED");
        String before = "before" + run;
        publish(new ProposalAccepted(conference, UUID.randomUUID().toString(), talk("Made before", before), null,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> organizer.get("/api/notifications?conference=" + conference
                + "&status=HELD").json().path("content").size() == 1);

        String subject = "Welcome, {{title}}";
        String body = "Hi {{name}},\n\n“{{title}}” is in {{conference}}! {{slot}}\n\nConfirm: {{confirmUrl}}";
        TestHttp.Response preview = organizer.postForm(template, "_csrf", page.csrfToken(), "subject", subject,
                "body", body, "action", "preview");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.body()).contains("Hi Ada Example,", "“An example talk” is in Worded &lt;Conference&gt;!",
                "Welcome, An example talk").doesNotContain("Worded <Conference>");
        assertThat(organizer.get(template).body()).as("a preview saves nothing").contains("use the default wording");
        TestHttp.Response saved = organizer.postForm(template, "_csrf", page.csrfToken(), "subject", subject,
                "body", body, "action", "save");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(organizer.get(template + "?saved=yes").body()).contains("has its own wording", "Saved");

        String after = "after" + run;
        publish(new ProposalAccepted(conference, UUID.randomUUID().toString(), talk("Made <after>", after), null,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> organizer.get("/api/notifications?conference=" + conference
                + "&status=HELD").json().path("content").size() == 2);
        TestHttp.Response log = organizer.get("/" + conference + "/emails");
        organizer.postForm("/" + conference + "/emails/send", "_csrf", log.csrfToken(), "all", "true");

        ReceivedMail old = awaitMail(email(before), 1).get(0);
        assertThat(old.text()).contains("Good news").doesNotContain("is in");
        ReceivedMail worded = awaitMail(email(after), 1).get(0);
        assertThat(worded.subject()).isEqualTo("[Worded <Conference>] Welcome, Made <after>");
        assertThat(worded.text()).startsWith("Hi " + after).contains("“Made <after>” is in Worded <Conference>!")
                .doesNotContain("Good news");
        assertThat(worded.html()).contains("Made &lt;after&gt;").doesNotContain("Made <after>");

        TestHttp.Response reset = organizer.postForm(template, "_csrf", page.csrfToken(), "action", "default");
        assertThat(reset.status()).isEqualTo(302);
        assertThat(organizer.get(template).body()).contains("use the default wording");
    }
}
