package org.cfpflow.submission.conference;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Publish;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.Track;
import org.cfpflow.platform.Paging;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conferences")
class ConferenceController {

    private final CallForPapers callForPapers;

    ConferenceController(CallForPapers callForPapers) {
        this.callForPapers = callForPapers;
    }

    /** Public: every conference and its call, open calls first. */
    @GetMapping
    PagedModel<ConferenceSummary> list(@RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = Paging.of(page, size, Sort.unsorted());
        List<Conference> all = callForPapers.all();
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        Instant now = Instant.now();
        return new PagedModel<>(new PageImpl<>(all.subList(from, to).stream()
                .map(c -> ConferenceSummary.of(c, now)).toList(), pageable, all.size()));
    }

    /** Public: track leads by name only, no team. */
    @GetMapping("/{c}")
    PublicConferenceView get(@PathVariable("c") String conferenceId) {
        return PublicConferenceView.of(callForPapers.existing(ConferencePaths.checked(conferenceId)));
    }

    /**
     * An admin creates the conference ({@code 201}), an admin or one of its organizers changes it; they get back what
     * they defined, e-mail addresses included.
     */
    @PutMapping(path = "/{c}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ConferenceView> define(@PathVariable("c") String conferenceId, @RequestBody ConferenceRequest request,
                                          Authentication caller) {
        boolean created = callForPapers.define(ConferencePaths.checked(conferenceId), request, caller);
        ConferenceView view = ConferenceView.of(callForPapers.existing(conferenceId));
        return created ? ResponseEntity.created(URI.create("/api/conferences/" + conferenceId)).body(view)
                : ResponseEntity.ok(view);
    }

    record ConferenceSummary(String id, String title, String timezone, Instant callOpens, Instant callCloses,
                             boolean callOpen, LocalDate start, LocalDate end) {

        static ConferenceSummary of(Conference c, Instant now) {
            return new ConferenceSummary(c.conferenceId(), c.title(), c.timezone(), c.callOpens(), c.callCloses(),
                    c.isCallOpen(now), c.start(), c.end());
        }
    }

    record ConferenceView(String id, String title, String timezone, Instant callOpens, Instant callCloses,
                          LocalDate start, LocalDate end, List<Track> tracks, boolean blindReview,
                          List<TeamMember> team, Confirmation confirmation, Publish publish) {

        static ConferenceView of(Conference c) {
            return new ConferenceView(c.conferenceId(), c.title(), c.timezone(), c.callOpens(), c.callCloses(),
                    c.start(), c.end(), c.tracks(), c.blindReview(), c.team(), c.confirmation(), c.publish());
        }
    }

    record PublicConferenceView(String id, String title, String timezone, Instant callOpens, Instant callCloses,
                                LocalDate start, LocalDate end, List<PublicTrack> tracks, boolean blindReview,
                                Publish publish) {

        record PublicTrack(String slug, String name, List<Integer> durations, List<Lead> leads) {
        }

        record Lead(String name) {
        }

        static PublicConferenceView of(Conference c) {
            return new PublicConferenceView(c.conferenceId(), c.title(), c.timezone(), c.callOpens(), c.callCloses(),
                    c.start(), c.end(), c.tracks().stream().map(t -> new PublicTrack(t.slug(), t.name(),
                    t.durations(), t.leads().stream().map(l -> new Lead(l.name())).toList())).toList(), c.blindReview(),
                    c.publish());
        }
    }
}
