package org.cfpflow.schedule.live;

import org.cfpflow.platform.ClientAddress;
import org.cfpflow.platform.Violations;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import jakarta.servlet.http.HttpServletRequest;

@Controller
class LiveController {

    private final LiveTimetable live;
    private final ClientAddress clientAddress;

    LiveController(LiveTimetable live, ClientAddress clientAddress) {
        this.live = live;
        this.clientAddress = clientAddress;
    }

    @GetMapping(path = "/api/timetable/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletRequest request) {
        Long resumeAfter = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            Violations violations = new Violations();
            violations.check(lastEventId.strip().matches("\\d{1,18}"), "Last-Event-ID", "must be a change number");
            violations.throwIfAny();
            resumeAfter = Long.parseLong(lastEventId.strip());
        }
        return live.subscribe(clientAddress.of(request), resumeAfter);
    }

    /** The page organizers keep open. */
    @GetMapping("/schedule")
    String page() {
        return "forward:/live/index.html";
    }
}
