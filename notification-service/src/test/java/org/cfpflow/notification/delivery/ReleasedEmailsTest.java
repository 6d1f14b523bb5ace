package org.cfpflow.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Person;
import org.cfpflow.events.Publish;
import org.cfpflow.events.ScheduleReleased.Kind;
import org.cfpflow.events.ScheduleReleased.ReleasedChange;
import org.cfpflow.events.ScheduleReleased;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.CalendarLinks;
import org.cfpflow.notification.NotificationServiceTest;
import org.cfpflow.testsupport.ReceivedMail;
import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Under RELEASES speakers hear nothing of the working timetable's placements and moves; a release sends each speaker
 * whose talks it changed one e-mail with all their changes and a calendar of their talks' new times.
 */
class ReleasedEmailsTest extends NotificationServiceTest {

    @Test
    void aReleaseSendsOneEmailPerAffectedSpeakerAndMovesBeforeItSendNone() throws Exception {
        String conference = "rel" + run;
        publish(new ConferenceDefined(conference, "Release Conf", LOS_ANGELES.getId(),
                Instant.parse("2017-06-01T00:00:00Z"), Instant.parse("2017-08-01T00:00:00Z"),
                List.of(new Track("containers", "Containers", List.of(5, 15, 20), List.<Person>of())), true, null,
                null, List.of(new TeamMember("organizer@example.org", List.of(TeamRole.ORGANIZER), List.of())),
                Instant.now(), null, Publish.RELEASES));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                organizer.get("/api/notifications?conference=" + conference + "&size=1").status() == 200);

        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        Talk solo = talk("Checkpoint and restore", "Adrian");
        Talk pair = talk("Container security", "Adrian", "Christian");
        publish(new TalkScheduled(conference, first, solo, slot("Room A", "2017-09-13T14:00", 15)));
        publish(new TalkRescheduled(conference, first, solo, slot("Room A", "2017-09-13T15:00", 15),
                slot("Room A", "2017-09-13T14:00", 15)));
        publish(new TalkScheduled(conference, second, pair, slot("Room B", "2017-09-13T16:00", 15)));
        publish(new ScheduleReleased(conference, 1, "v1", "The first timetable", Instant.now(), List.of(
                new ReleasedChange(first, Kind.ADDED, solo.title(), "containers", solo.speakers(),
                        slot("Room A", "2017-09-13T15:00", 15), null),
                new ReleasedChange(second, Kind.ADDED, pair.title(), "containers", pair.speakers(),
                        slot("Room B", "2017-09-13T16:00", 15), null))));

        ReceivedMail adrians = awaitMail(email("adrian"), 1).get(0);
        ReceivedMail christians = awaitMail(email("christian"), 1).get(0);
        assertThat(adrians.subject()).contains("2 of your talks");
        assertThat(adrians.text()).contains("Checkpoint and restore", "15:00-15:15", "Container security", "16:00-16:15")
                .doesNotContain("14:00");
        assertThat(christians.text()).contains("Container security").doesNotContain("Checkpoint")
                .contains("/" + conference + "/speakers/" + CalendarLinks.of(TEST_CALENDAR_KEY).orElseThrow()
                        .keyOf(conference, email("christian")) + ".ics");
        assertThat(adrians.attachments()).singleElement().satisfies(ics -> {
            Calendar calendar = new CalendarBuilder().build(new StringReader(new String(ics.content())));
            assertThat(calendar.<VEvent>getComponents("VEVENT")).extracting(e -> e.getUid().orElseThrow().getValue())
                    .containsExactlyInAnyOrder(first + "@cfp-flow", second + "@cfp-flow");
        });

        // a second release: only the moved talk's speakers hear, once, with where it was
        publish(new ScheduleReleased(conference, 2, "v2", null, Instant.now(), List.of(
                new ReleasedChange(first, Kind.MOVED, solo.title(), "containers", solo.speakers(),
                        slot("Room B", "2017-09-13T17:00", 15), slot("Room A", "2017-09-13T15:00", 15)))));
        ReceivedMail moved = awaitMail(email("adrian"), 2).get(1);
        assertThat(moved.subject()).contains("“Checkpoint and restore”");
        assertThat(moved.text()).contains("has moved to", "17:00-17:15", "Room B", "it was on", "15:00", "Room A");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                mailbox.to(email("adrian")).size() == 2 && mailbox.to(email("christian")).size() == 1);
        assertThat(organizer.get("/api/notifications?conference=" + conference + "&kind=RELEASED").json()
                .path("content").size()).isEqualTo(3);
    }
}
