package org.cfpflow.schedule.release;

import java.net.URI;

import org.cfpflow.platform.Problems;
import org.cfpflow.platform.Violations;
import org.cfpflow.schedule.timetable.TimetableView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/conferences/{c}/timetable")
class ReleaseController {

    private final Releases releases;

    ReleaseController(Releases releases) {
        this.releases = releases;
    }

    @PostMapping(path = "/releases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReleaseView> release(@PathVariable("c") String conferenceId,
                                        @RequestBody(required = false) ReleaseRequest request, Authentication caller) {
        ReleaseView release = releases.release(conferenceId, request == null ? new ReleaseRequest(null, null) : request,
                caller);
        URI location = UriComponentsBuilder.fromPath("/api/conferences/{c}/timetable/releases")
                .queryParam("page", 0).buildAndExpand(conferenceId).encode().toUri();
        return ResponseEntity.created(location).body(release);
    }

    @GetMapping("/releases")
    PagedModel<ReleaseView> releases(@PathVariable("c") String conferenceId,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "20") int size) {
        Violations violations = new Violations();
        violations.check(page >= 0, "page", "must be 0 or more");
        violations.check(size >= 1 && size <= 100, "size", "must be from 1 to 100");
        violations.throwIfAny();
        return releases.list(conferenceId, page, size);
    }

    /** Public: what the conference's public schedule shows (the working timetable, or under RELEASES the latest). */
    @GetMapping("/published")
    TimetableView published(@PathVariable("c") String conferenceId) {
        return TimetableView.of(releases.published(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId)));
    }
}
