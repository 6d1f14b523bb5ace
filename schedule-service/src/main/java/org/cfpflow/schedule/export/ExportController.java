package org.cfpflow.schedule.export;

import java.nio.charset.StandardCharsets;

import org.cfpflow.platform.Problems;
import org.cfpflow.schedule.release.Releases;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** A conference's public schedule (the working timetable, or its latest release) in the formats conference apps load. */
@RestController
class ExportController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Releases releases;
    private final String publicUrl;

    ExportController(Releases releases, @Value("${cfp.public-url}") String publicUrl) {
        this.releases = releases;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GetMapping("/{c}/schedule.json")
    ResponseEntity<String> json(@PathVariable("c") String conferenceId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ScheduleJson.write(published(conferenceId)));
    }

    @GetMapping("/{c}/schedule.xml")
    ResponseEntity<String> xml(@PathVariable("c") String conferenceId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(ScheduleXml.write(published(conferenceId)));
    }

    @GetMapping("/{c}/schedule.ics")
    ResponseEntity<String> ics(@PathVariable("c") String conferenceId) {
        return ResponseEntity.ok().contentType(CALENDAR).body(ScheduleIcs.write(published(conferenceId)));
    }

    private PublishedSchedule published(String conferenceId) {
        return PublishedSchedule.of(releases.published(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId)),
                publicUrl + "/" + UriUtils.encodePathSegment(conferenceId, StandardCharsets.UTF_8));
    }
}
