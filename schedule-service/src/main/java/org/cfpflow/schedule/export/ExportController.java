package org.cfpflow.schedule.export;

import org.cfpflow.schedule.timetable.Timetables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The published schedule in the formats conference apps load. */
@RestController
class ExportController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final Timetables timetables;
    private final String publicUrl;

    ExportController(Timetables timetables, @Value("${cfp.public-url}") String publicUrl) {
        this.timetables = timetables;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GetMapping("/schedule.json")
    ResponseEntity<String> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(ScheduleJson.write(published()));
    }

    @GetMapping("/schedule.xml")
    ResponseEntity<String> xml() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(ScheduleXml.write(published()));
    }

    @GetMapping("/schedule.ics")
    ResponseEntity<String> ics() {
        return ResponseEntity.ok().contentType(CALENDAR).body(ScheduleIcs.write(published()));
    }

    private PublishedSchedule published() {
        return PublishedSchedule.of(timetables.current(), publicUrl);
    }
}
