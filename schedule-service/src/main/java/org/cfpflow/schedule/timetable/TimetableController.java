package org.cfpflow.schedule.timetable;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences/{c}/timetable")
class TimetableController {

    private final Timetables timetables;

    TimetableController(Timetables timetables) {
        this.timetables = timetables;
    }

    /** The conference's working timetable as it is now: public under {@code LIVE}, its organizers' under {@code RELEASES}. */
    @GetMapping
    TimetableView timetable(@PathVariable("c") String conferenceId, Authentication caller) {
        return TimetableView.of(timetables.working(conferenceId, caller));
    }

    @PutMapping(path = "/blocks", consumes = MediaType.APPLICATION_JSON_VALUE)
    TimetableView blocks(@PathVariable("c") String conferenceId, @RequestBody BlocksRequest request,
                         Authentication caller) {
        return timetables.replaceBlocks(conferenceId, request, caller);
    }

    @PutMapping(path = "/talks/{proposalId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    TimetableView move(@PathVariable("c") String conferenceId, @PathVariable String proposalId,
                       @RequestBody MoveRequest request, Authentication caller) {
        return timetables.move(conferenceId, proposalId, request, caller);
    }
}
