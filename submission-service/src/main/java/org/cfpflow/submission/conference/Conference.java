package org.cfpflow.submission.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.Aggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The conference and its call for papers. There is one; its document id is fixed. */
@Document("conference")
public class Conference extends Aggregate {

    static final String ID = "conference";

    @Id
    private String id = ID;
    private String conferenceId;
    private String title;
    private String acronym;
    private String timezone;
    private Instant callOpens;
    private Instant callCloses;
    private LocalDate start;
    private LocalDate end;
    private List<Track> tracks;
    private boolean blindReview;

    static Conference create() {
        Conference conference = new Conference();
        conference.conferenceId = UUID.randomUUID().toString();
        return conference;
    }

    /** Applies the organizer's definition; raises {@code ConferenceDefined} only if something changed. */
    boolean define(ConferenceRequest request, Instant now) {
        boolean changed = !Objects.equals(title, request.title()) || !Objects.equals(acronym, request.acronym())
                || !Objects.equals(timezone, request.timezone()) || !Objects.equals(callOpens, request.callOpens())
                || !Objects.equals(callCloses, request.callCloses()) || !Objects.equals(start, request.start())
                || !Objects.equals(end, request.end()) || !Objects.equals(tracks, request.trackList())
                || blindReview != request.blindReviewOrDefault();
        if (!changed) {
            return false;
        }
        title = request.title();
        acronym = request.acronym();
        timezone = request.timezone();
        callOpens = request.callOpens();
        callCloses = request.callCloses();
        start = request.start();
        end = request.end();
        tracks = request.trackList();
        blindReview = request.blindReviewOrDefault();
        raise(new ConferenceDefined(conferenceId, title, acronym, timezone, callOpens, callCloses, tracks,
                blindReview, start, end, now));
        return true;
    }

    public boolean isCallOpen(Instant now) {
        return !now.isBefore(callOpens) && now.isBefore(callCloses);
    }

    public Optional<Track> track(String slug) {
        return tracks.stream().filter(track -> track.slug().equals(slug)).findFirst();
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String title() {
        return title;
    }

    public String acronym() {
        return acronym;
    }

    public String timezone() {
        return timezone;
    }

    public Instant callOpens() {
        return callOpens;
    }

    public Instant callCloses() {
        return callCloses;
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public List<Track> tracks() {
        return tracks;
    }

    public boolean blindReview() {
        return blindReview;
    }
}
