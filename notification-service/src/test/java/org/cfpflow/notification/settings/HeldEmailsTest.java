package org.cfpflow.notification.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A conference that holds its acceptances for approval: they wait as HELD, nothing reaches the speakers until an
 * organizer sends one, then the rest; other kinds go out as always.
 */
class HeldEmailsTest extends NotificationServiceTest {

    @Test
    void acceptancesWaitUntilAnOrganizerSendsThemOneThenAll() {
        String conference = "held" + run;
        publish(new ConferenceDefined(conference, "Held Conference", LOS_ANGELES.getId(),
                Instant.parse("2017-06-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"),
                List.of(new Track("containers", "Containers", List.of(5, 15, 20), List.<Person>of())), true, null,
                null, List.of(new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now()));
        String settings = "/" + conference + "/emails/settings";
        await().atMost(Duration.ofSeconds(30)).until(() -> organizer.get(settings).status() == 200);
        TestHttp.Response page = organizer.get(settings);
        assertThat(page.body()).contains("Hold for approval", "value=\"ACCEPTED\"");
        assertThat(TestHttp.localhost(port).as("other-organizer@example.org", "other-secret").get(settings).status())
                .isEqualTo(403);
        assertThat(organizer.postForm(settings, "_csrf", page.csrfToken(), "hold", "LOST").status()).isEqualTo(400);
        assertThat(organizer.postForm(settings, "_csrf", page.csrfToken(), "hold", "ACCEPTED").status()).isEqualTo(302);
        assertThat(organizer.get(settings).body()).contains("value=\"ACCEPTED\" checked");

        List<String> speakers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String who = "held" + i;
            speakers.add(email(who));
            publish(new ProposalAccepted(conference, UUID.randomUUID().toString(), talk("Held talk " + i, who), null,
                    Instant.now()));
        }
        String rejected = email("rejected");
        publish(new ProposalRejected(conference, UUID.randomUUID().toString(), talk("Not held", "rejected"), null,
                Instant.now()));
        awaitMail(rejected, 1);
        String log = "/" + conference + "/emails";
        List<String> held = await().atMost(Duration.ofSeconds(30)).until(() -> heldIds(conference), ids -> ids.size() == 3);
        assertThat(speakers).allSatisfy(to -> assertThat(mailbox.to(to)).as("held: nothing sent").isEmpty());
        TestHttp.Response logPage = organizer.get(log);
        assertThat(logPage.body()).contains("3 e-mails wait for approval.", "Send every held e-mail");

        TestHttp.Response one = organizer.postForm(log + "/send", "_csrf", logPage.csrfToken(), "id", held.get(0));
        assertThat(one.status()).isEqualTo(302);
        assertThat(one.header("Location")).endsWith(log + "?sent=1");
        awaitMail(recipientOf(conference, held.get(0)), 1);
        assertThat(heldIds(conference)).hasSize(2);
        assertThat(organizer.postForm(log + "/send", "_csrf", logPage.csrfToken(), "id", held.get(0)).status())
                .as("no longer held").isEqualTo(409);
        assertThat(TestHttp.localhost(port).as("other-organizer@example.org", "other-secret")
                .postForm(log + "/send", "_csrf", logPage.csrfToken(), "all", "true").status()).isEqualTo(403);

        assertThat(organizer.postForm(log + "/send", "_csrf", logPage.csrfToken(), "all", "true").header("Location"))
                .endsWith("?sent=2");
        speakers.forEach(to -> awaitMail(to, 1));
        assertThat(heldIds(conference)).isEmpty();
        assertThat(speakers).allSatisfy(to -> assertThat(mailbox.to(to)).as("each exactly once").hasSize(1));
    }

    private List<String> heldIds(String conference) {
        JsonNode page = organizer.get("/api/notifications?conference=" + conference + "&status=HELD&size=50").json();
        List<String> ids = new ArrayList<>();
        page.path("content").forEach(n -> ids.add(n.path("id").asString()));
        return ids;
    }

    private String recipientOf(String conference, String id) {
        JsonNode page = organizer.get("/api/notifications?conference=" + conference + "&size=50").json();
        for (JsonNode n : page.path("content")) {
            if (n.path("id").asString().equals(id)) {
                return n.path("recipient").asString();
            }
        }
        throw new AssertionError("no e-mail " + id);
    }
}
