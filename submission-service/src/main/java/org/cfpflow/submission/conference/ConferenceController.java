package org.cfpflow.submission.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cfpflow.events.Track;
import org.cfpflow.platform.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/conference")
class ConferenceController {

    private final CallForPapers callForPapers;

    ConferenceController(CallForPapers callForPapers) {
        this.callForPapers = callForPapers;
    }

    /** Public: track leads by name only. */
    @GetMapping
    PublicConferenceView get() {
        return callForPapers.conference().map(PublicConferenceView::of)
                .orElseThrow(() -> Problems.notFound("No conference is defined yet"));
    }

    /** The organizer gets back what they defined, leads' e-mail addresses included. */
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ConferenceView define(@RequestBody ConferenceRequest request) {
        return ConferenceView.of(callForPapers.define(request));
    }

    record ConferenceView(String id, String title, String acronym, String timezone, Instant callOpens,
                          Instant callCloses, LocalDate start, LocalDate end, List<Track> tracks, boolean blindReview) {

        static ConferenceView of(Conference c) {
            return new ConferenceView(c.conferenceId(), c.title(), c.acronym(), c.timezone(), c.callOpens(),
                    c.callCloses(), c.start(), c.end(), c.tracks(), c.blindReview());
        }
    }

    record PublicConferenceView(String id, String title, String acronym, String timezone, Instant callOpens,
                                Instant callCloses, LocalDate start, LocalDate end, List<PublicTrack> tracks,
                                boolean blindReview) {

        record PublicTrack(String slug, String name, List<Integer> durations, List<Lead> leads) {
        }

        record Lead(String name) {
        }

        static PublicConferenceView of(Conference c) {
            return new PublicConferenceView(c.conferenceId(), c.title(), c.acronym(), c.timezone(), c.callOpens(),
                    c.callCloses(), c.start(), c.end(), c.tracks().stream().map(t -> new PublicTrack(t.slug(), t.name(),
                    t.durations(), t.leads().stream().map(l -> new Lead(l.name())).toList())).toList(), c.blindReview());
        }
    }
}
