package org.cfpflow.schedule.live;


import org.cfpflow.platform.ClientAddress;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.Violations;
import org.cfpflow.schedule.timetable.Timetables;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletRequest;

@Controller
class LiveController {

    private final LiveTimetable live;
    private final ClientAddress clientAddress;
    private final Timetables timetables;

    LiveController(LiveTimetable live, ClientAddress clientAddress, Timetables timetables) {
        this.live = live;
        this.clientAddress = clientAddress;
        this.timetables = timetables;
    }

    /** The API's stream, and the same for the timetable editor's page (signed in to the pages). */
    @GetMapping(path = {"/api/conferences/{c}/timetable/stream", "/{c}/timetable/stream"},
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@PathVariable("c") String conferenceId,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletRequest request, Authentication caller) {
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            Violations violations = new Violations();
            violations.check(lastEventId.strip().matches("\\d{1,18}"), "Last-Event-ID", "must be a change number");
            violations.throwIfAny();
            resumeAfter = Long.parseLong(lastEventId.strip());
        }
        return live.subscribe(conferenceId, caller, clientAddress.of(request), resumeAfter);
    }

    /**
     * The conference's public schedule as a page: under {@code LIVE} it follows every change, under {@code RELEASES}
     * it shows the latest release.
     */
    @GetMapping("/{c}/schedule")
    String page(@PathVariable("c") String conferenceId) {
        timetables.ofKnownConference(conferenceId).orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
        return "forward:/live/index.html";
    }

    /** The working timetable, following every change: the page organizers keep open (theirs only under RELEASES). */
    @GetMapping("/{c}/schedule/live")
    String livePage(@PathVariable("c") String conferenceId) {
        timetables.ofKnownConference(conferenceId).orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
        return "forward:/live/index.html";
    }
}
