package org.cfpflow.schedule.export;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.cfpflow.messaging.CalendarLinks;
import org.cfpflow.platform.Problems;
import org.cfpflow.schedule.release.Releases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * Calendars of part of the public schedule: one talk's ({@code /{c}/talks/{id}.ics}), and a speaker's own, at the
 * link their e-mails carry ({@code /{c}/speakers/{key}.ics}, {@link CalendarLinks}). A key of the right form that
 * is nobody's gives an empty calendar, as a speaker's does before their talks are published: a calendar app
 * subscribed early keeps working, and an answer tells nothing about whose key it is.
 */
@RestController
class CalendarController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Releases releases;
    private final String publicUrl;
    private final Optional<CalendarLinks> links;

    CalendarController(Releases releases, @Value("${cfp.public-url}") String publicUrl,
                       @Value("${cfp.calendar.key:}") String calendarKey) {
        this.releases = releases;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.links = CalendarLinks.of(calendarKey);
    }

    @GetMapping("/{c}/talks/{id}.ics")
    ResponseEntity<String> talk(@PathVariable("c") String conferenceId, @PathVariable String id) {
        PublishedSchedule schedule = published(conferenceId);
        boolean published = schedule.days().stream().flatMap(d -> d.rooms().values().stream()).flatMap(java.util.List::stream)
                .anyMatch(talk -> talk.proposalId().equals(id));
        if (!published) {
            throw Problems.notFound("No talk " + id + " in the public schedule of " + conferenceId);
        }
        return ResponseEntity.ok().contentType(CALENDAR)
                .body(ScheduleIcs.write(schedule, talk -> talk.proposalId().equals(id)));
    }

    @GetMapping("/{c}/speakers/{key}.ics")
    ResponseEntity<String> speaker(@PathVariable("c") String conferenceId, @PathVariable String key) {
        CalendarLinks calendars = links.filter(l -> CalendarLinks.isWellFormed(key))
                .orElseThrow(() -> Problems.notFound("No such calendar"));
        PublishedSchedule schedule = published(conferenceId);
        return ResponseEntity.ok().contentType(CALENDAR).body(ScheduleIcs.write(schedule, talk -> talk.speakers()
                .stream().anyMatch(speaker -> calendars.matches(key, conferenceId, speaker.email()))));
    }

    private PublishedSchedule published(String conferenceId) {
        return PublishedSchedule.of(releases.published(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId)),
                publicUrl + "/" + UriUtils.encodePathSegment(conferenceId, StandardCharsets.UTF_8));
    }
}
