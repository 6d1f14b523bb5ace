package org.cfpflow.schedule.timetable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/timetable")
class TimetableController {

    private final Timetables timetables;

    TimetableController(Timetables timetables) {
        this.timetables = timetables;
    }

    @GetMapping
    TimetableView timetable() {
        return TimetableView.of(timetables.current());
    }

    @PutMapping(path = "/blocks", consumes = MediaType.APPLICATION_JSON_VALUE)
    TimetableView blocks(@RequestBody BlocksRequest request) {
        return timetables.replaceBlocks(request);
    }

    @PutMapping(path = "/talks/{proposalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TimetableView move(@PathVariable String proposalId, @RequestBody MoveRequest request) {
        return timetables.move(proposalId, request);
    }
}
