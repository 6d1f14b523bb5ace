package org.cfpflow.submission.conference;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.cfpflow.events.TeamRole;
import org.cfpflow.messaging.ConferenceCopies;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/** The conferences as the rest of the service sees them: defined by their admins and organizers, read by all. */
@Service
public class CallForPapers {

    private final ConferenceRepository conferences;
    private final MongoTemplate mongo;
    private final Clock clock;
    // every submission checks its call; a conference changes once in a while (another replica's change shows within
    // ConferenceCopies.FRESH_FOR)
    private final LoadingCache<String, Optional<Conference>> cached;

    CallForPapers(ConferenceRepository conferences, MongoTemplate mongo, Clock clock) {
        this.conferences = conferences;
        this.mongo = mongo;
        this.clock = clock;
        this.cached = Caffeine.newBuilder().expireAfterWrite(ConferenceCopies.FRESH_FOR).maximumSize(10_000)
                .build(conferences::findById);
    }

    public Optional<Conference> conference(String conferenceId) {
        return conferenceId == null ? Optional.empty() : cached.get(conferenceId);
    }

    /** The conference, or a {@code 404} naming it. */
    public Conference existing(String conferenceId) {
        return conference(conferenceId).orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
    }

    /** Whether the caller organizes the conference (or administers the deployment). */
    public boolean organizes(Authentication caller, Conference conference) {
        return TeamAccess.may(caller, conference.team(), TeamRole.ORGANIZER, null);
    }

    /**
     * Every conference, open calls first (closing soonest first), then those whose call opens later (soonest
     * first), then closed ones (most recently closed first). Without their teams: the list is public.
     */
    public List<Conference> all() {
        Instant now = clock.instant();
        Query query = new Query();
        query.fields().exclude("team", "pendingEvents");
        return mongo.find(query, Conference.class).stream().sorted(Comparator
                .comparingInt((Conference c) -> c.isCallOpen(now) ? 0 : now.isBefore(c.callOpens()) ? 1 : 2)
                .thenComparingLong(c -> c.isCallOpen(now) ? c.callCloses().getEpochSecond()
                        : now.isBefore(c.callOpens()) ? c.callOpens().getEpochSecond() : -c.callCloses().getEpochSecond())
                .thenComparing(Conference::conferenceId)).toList();
    }

    /**
     * Creates the conference (an admin) or changes it (an admin or one of its organizers). Returns whether it was
     * created.
     */
    boolean define(String conferenceId, ConferenceRequest request, Authentication caller) {
        mayDefine(conferences.findById(conferenceId), conferenceId, caller);
        request.validate();
        return OptimisticRetry.retry(() -> {
            Optional<Conference> known = conferences.findById(conferenceId);
            mayDefine(known, conferenceId, caller);
            Conference conference = known.orElseGet(() -> Conference.create(conferenceId));
            if (conference.define(request, clock.instant())) {
                conferences.save(conference);
                cached.invalidate(conferenceId);
            }
            return known.isEmpty();
        });
    }

    private void mayDefine(Optional<Conference> known, String conferenceId, Authentication caller) {
        if (known.isEmpty() && !TeamAccess.isAdmin(caller)) {
            throw Problems.forbidden("Only an administrator may create a conference");
        }
        if (known.isPresent() && !organizes(caller, known.get())) {
            throw TeamAccess.forbidden(TeamRole.ORGANIZER, conferenceId, null);
        }
    }
}
