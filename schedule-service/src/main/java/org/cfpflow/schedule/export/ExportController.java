package org.cfpflow.schedule.export;

import org.cfpflow.platform.Problems;
import org.cfpflow.schedule.timetable.Timetables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A conference's published schedule in the formats conference apps load. */
@RestController
class ExportController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final Timetables timetables;
    private final String publicUrl;

    ExportController(Timetables timetables, @Value("${cfp.public-url}") String publicUrl) {
        this.timetables = timetables;
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
        return PublishedSchedule.of(timetables.ofKnownConference(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId)), publicUrl);
    }
}
