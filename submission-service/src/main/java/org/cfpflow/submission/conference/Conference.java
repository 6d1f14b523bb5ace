package org.cfpflow.submission.conference;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Publish;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.Aggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A conference, its call for papers and its team. Its id is its acronym, which names it everywhere. */
@Document("conferences")
public class Conference extends Aggregate {

    @Id
    private String id;
    private String title;
    private String timezone;
    private Instant callOpens;
    private Instant callCloses;
    private LocalDate start;
    private LocalDate end;
    private List<Track> tracks;
    private boolean blindReview;
    private List<TeamMember> team = List.of();
    private Confirmation confirmation;
    private Publish publish;

    static Conference create(String conferenceId) {
        Conference conference = new Conference();
        conference.id = conferenceId;
        return conference;
    }

    /** Applies the definition; raises {@code ConferenceDefined} only if something changed. */
    boolean define(ConferenceRequest request, Instant now) {
        List<TeamMember> newTeam = request.teamList();
        boolean changed = !Objects.equals(title, request.title()) || !Objects.equals(timezone, request.timezone())
                || !Objects.equals(callOpens, request.callOpens()) || !Objects.equals(callCloses, request.callCloses())
                || !Objects.equals(start, request.start()) || !Objects.equals(end, request.end())
                || !Objects.equals(tracks, request.trackList()) || blindReview != request.blindReviewOrDefault()
                || !Objects.equals(team, newTeam) || !Objects.equals(confirmation, request.confirmationOrNull())
                || publish() != request.publishOrDefault();
        if (!changed) {
            return false;
        }
        title = request.title();
        timezone = request.timezone();
        callOpens = request.callOpens();
        callCloses = request.callCloses();
        start = request.start();
        end = request.end();
        tracks = request.trackList();
        blindReview = request.blindReviewOrDefault();
        team = newTeam;
        confirmation = request.confirmationOrNull();
        publish = request.publishOrDefault();
        raise(new ConferenceDefined(id, title, timezone, callOpens, callCloses, tracks, blindReview, start, end, team,
                now, confirmation, publish));
        return true;
    }

    /** How its accepted speakers are reminded to confirm; null for no reminders. */
    public Confirmation confirmation() {
        return confirmation;
    }

    /** What its public schedule shows: {@code LIVE} for a conference stored before it could say. */
    public Publish publish() {
        return publish == null ? Publish.LIVE : publish;
    }

    public boolean isCallOpen(Instant now) {
        return !now.isBefore(callOpens) && now.isBefore(callCloses);
    }

    public Optional<Track> track(String slug) {
        return tracks.stream().filter(track -> track.slug().equals(slug)).findFirst();
    }

    public String conferenceId() {
        return id;
    }

    public String title() {
        return title;
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

    public List<TeamMember> team() {
        return team == null ? List.of() : team;
    }
}
