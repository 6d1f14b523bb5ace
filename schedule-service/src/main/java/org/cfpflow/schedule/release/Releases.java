package org.cfpflow.schedule.release;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cfpflow.events.Publish;
import org.cfpflow.events.ScheduleReleased;
import org.cfpflow.events.TeamRole;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.schedule.timetable.Conference;
import org.cfpflow.schedule.timetable.ScheduleContent;
import org.cfpflow.schedule.timetable.Timetable;
import org.cfpflow.schedule.timetable.Timetables;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.web.PagedModel;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * A conference's releases: organizers publish the working timetable as the next one; under {@link Publish#RELEASES}
 * the latest is what the public schedule shows.
 */
@Service
public class Releases {

    private final MongoTemplate mongo;
    private final Aggregates aggregates;
    private final Timetables timetables;
    private final Clock clock;

    Releases(MongoTemplate mongo, Aggregates aggregates, Timetables timetables, Clock clock) {
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.timetables = timetables;
        this.clock = clock;
    }

    /** An organizer publishes the working timetable: one write, with the {@code ScheduleReleased} event in it. */
    ReleaseView release(String conferenceId, ReleaseRequest request, Authentication caller) {
        Timetable known = timetables.ofKnownConference(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId + " (or not known here yet)"));
        TeamAccess.require(caller, known.conference().team(), TeamRole.ORGANIZER, null, conferenceId);
        request.validate();
        String version = request.versionOrNull();
        if (version != null && mongo.exists(ofConference(conferenceId).addCriteria(Criteria.where("name").is(version)),
                Release.class)) {
            throw Problems.problem(org.springframework.http.HttpStatus.CONFLICT, "A release named " + version
                    + " exists already", Map.of("field", "version"));
        }
        // two organizers at once: the second insert finds the number taken, and is made again on the first
        return OptimisticRetry.retry(() -> {
            Release release = Release.of(timetables.current(conferenceId), latest(conferenceId).orElse(null), version,
                    request.commentOrNull(), clock.instant());
            if (release.changes().size() > ScheduleReleased.MOST_CHANGES) {
                throw Problems.conflict("A release may change at most " + ScheduleReleased.MOST_CHANGES
                        + " talks; this one changes " + release.changes().size());
            }
            aggregates.insert(release);
            return ReleaseView.of(release);
        });
    }

    /** The conference's releases, the latest first; public, as what they released is. */
    PagedModel<ReleaseView> list(String conferenceId, int page, int size) {
        timetables.ofKnownConference(conferenceId).orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "number"));
        List<ReleaseView> content = mongo.find(ofConference(conferenceId).with(request), Release.class).stream()
                .map(ReleaseView::of).toList();
        long total = mongo.count(ofConference(conferenceId), Release.class);
        return new PagedModel<>(new PageImpl<>(content, request, total));
    }

    /**
     * What the conference's public schedule shows: the working timetable while it publishes {@code LIVE}; under
     * {@code RELEASES} its latest release (nothing before the first). Empty for a conference not known here.
     */
    public Optional<ScheduleContent> published(String conferenceId) {
        return timetables.ofKnownConference(conferenceId).map(timetable -> {
            Conference conference = timetable.conference();
            if (conference.publish() == Publish.LIVE) {
                return timetable.content();
            }
            return latest(conferenceId).map(release -> release.content(conference))
                    .orElseGet(() -> new ScheduleContent(conference, conference.zone(), List.of(), List.of(), 0, null));
        });
    }

    private Optional<Release> latest(String conferenceId) {
        return Optional.ofNullable(mongo.findOne(ofConference(conferenceId)
                .with(Sort.by(Sort.Direction.DESC, "number")).limit(1), Release.class));
    }

    private static Query ofConference(String conferenceId) {
        return new Query(Criteria.where("conferenceId").is(conferenceId));
    }
}
