package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.cfpflow.events.AboutTalk;
import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Publish;
import org.cfpflow.events.TeamRole;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.messaging.PendingEvent;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;

/**
 * Every change of the conferences' timetables: from events and from organizers; each is one write of one
 * conference's timetable, then the live update.
 */
@Service
public class Timetables implements CfpEventHandler {

    private final TimetableRepository timetables;
    private final MongoTemplate mongo;
    private final Aggregates aggregates;
    private final ApplicationEventPublisher publisher;
    private final Decisions decisions;
    /**
     * The timetables as {@link #handleAll} last wrote them, of the conferences most recently changed; only that
     * method (synchronized) uses them. A next write fails if another came in between (its revision is then not the
     * stored one), and is retried on a fresh read.
     */
    private final Map<String, Timetable> lastWritten = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Timetable> eldest) {
            return size() > LAST_WRITTEN_KEPT;
        }
    };
    private static final int LAST_WRITTEN_KEPT = 8;

    Timetables(TimetableRepository timetables, MongoTemplate mongo, Aggregates aggregates,
               ApplicationEventPublisher publisher, Decisions decisions) {
        this.decisions = decisions;
        this.timetables = timetables;
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.publisher = publisher;
    }

    /** The conference's timetable as stored: empty while nothing was placed in it yet. */
    public Timetable current(String conferenceId) {
        return timetables.findById(conferenceId).orElseGet(() -> Timetable.of(conferenceId));
    }

    /** The conference's timetable, if this service has heard of the conference. */
    public Optional<Timetable> ofKnownConference(String conferenceId) {
        return timetables.findById(conferenceId).filter(timetable -> timetable.conference() != null);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /**
     * The events of one poll, by conference: each conference's applied to one read of its timetable and saved in one
     * write. The read is skipped
     * while the timetable this method last wrote is still the stored one: it is half a megabyte with a thousand talks.
     * The proposals' {@link Decision}s are written first; an event that changes nothing in the timetable (a
     * withdrawal of a proposal never accepted, a stale acceptance) costs it no write and is not remembered in it.
     */
    @Override
    public synchronized void handleAll(List<ReceivedEvent> events) {
        Map<String, List<ReceivedEvent>> byConference = events.stream().filter(Timetables::concernsTheTimetable)
                .collect(Collectors.groupingBy(e -> e.payload().conferenceId(), LinkedHashMap::new, Collectors.toList()));
        byConference.forEach(this::handleAll);
    }

    private void handleAll(String conferenceId, List<ReceivedEvent> relevant) {
        if (relevant.size() == 1 && alreadyHandled(conferenceId, relevant.get(0).id())) {
            // a redelivery, answered by the store without reading the whole timetable into this service
            return;
        }
        Map<String, Decision> known = decisions.record(relevant.stream().map(ReceivedEvent::payload).toList());
        // changed from here on: kept for the next poll only once saved
        Timetable last = lastWritten.remove(conferenceId);
        Timetable timetable = last != null ? last : current(conferenceId);
        List<ReceivedEvent> fresh = relevant.stream().filter(e -> !timetable.hasHandled(e.id())).toList();
        if (fresh.stream().noneMatch(e -> timetable.wouldChange(e.payload(), e.payload() instanceof AboutTalk about
                ? known.get(about.proposalId()) : null))) {
            lastWritten.put(conferenceId, timetable);
            return;
        }
        lastWritten.put(conferenceId, save(timetable, t -> fresh.forEach(e -> e.runInItsTrace(() -> {
            if (apply(e.payload(), t, known)) {
                t.markHandled(e.id());
            }
        }))));
    }

    private static boolean concernsTheTimetable(ReceivedEvent event) {
        Object payload = event.payload();
        return payload instanceof ConferenceDefined || payload instanceof ProposalAccepted
                || payload instanceof ProposalRejected || payload instanceof ProposalWithdrawn
                || payload instanceof ProposalDeclined || payload instanceof ProposalConfirmed
                || payload instanceof ProposalUpdated;
    }

    /** Applies the event; returns whether the timetable changed. */
    private static boolean apply(Object payload, Timetable timetable, Map<String, Decision> known) {
        if (payload instanceof ConferenceDefined defined) {
            return timetable.define(defined);
        }
        if (payload instanceof ProposalAccepted accepted) {
            return timetable.accept(accepted, known.get(accepted.proposalId()));
        }
        if (payload instanceof ProposalRejected rejected) {
            return timetable.reject(rejected, known.get(rejected.proposalId()));
        }
        if (payload instanceof ProposalDeclined declined) {
            return timetable.decline(declined);
        }
        if (payload instanceof ProposalUpdated updated) {
            return timetable.reconsider(updated, known.get(updated.proposalId()));
        }
        if (payload instanceof ProposalConfirmed confirmed) {
            return timetable.confirm(confirmed);
        }
        return payload instanceof ProposalWithdrawn withdrawn && timetable.withdraw(withdrawn);
    }

    private boolean alreadyHandled(String conferenceId, String eventId) {
        return mongo.exists(new Query(Criteria.where("_id").is(conferenceId).and("handledEventIds").is(eventId)),
                Timetable.class);
    }

    /** The conferences whose talks still unconfirmed at their deadline give up their slots. */
    List<String> releasingUnconfirmed() {
        Query releasing = new Query(Criteria.where("conference.confirmation.releaseUnconfirmed").is(true));
        releasing.fields().include("_id");
        return mongo.find(releasing, Timetable.class).stream().map(Timetable::conferenceId).toList();
    }

    /** Sends the conference's talks still unconfirmed at their deadline to the waitlist; no write if there are none. */
    synchronized void releaseUnconfirmed(String conferenceId, Instant now) {
        if (current(conferenceId).lapsingBy(now).isEmpty()) {
            return;
        }
        // the copy the consumer keeps is stale once this writes
        lastWritten.remove(conferenceId);
        retrying(conferenceId, timetable -> timetable.releaseUnconfirmed(now));
    }

    /** An organizer of the conference replaces its blocks. */
    public TimetableView replaceBlocks(String conferenceId, BlocksRequest request, Authentication caller) {
        Conference conference = organizedBy(conferenceId, caller);
        request.toBlocks(conference.tracks());
        return TimetableView.of(retrying(conferenceId, timetable -> {
            organizedBy(timetable, caller);
            timetable.replaceBlocks(request.toBlocks(timetable.conference().tracks()));
        }));
    }

    /** An organizer of the conference moves one of its talks. */
    public TimetableView move(String conferenceId, String proposalId, MoveRequest request, Authentication caller) {
        organizedBy(conferenceId, caller);
        request.validate();
        return TimetableView.of(retrying(conferenceId, timetable -> {
            organizedBy(timetable, caller);
            Entry entry = timetable.entry(proposalId)
                    .orElseThrow(() -> Problems.notFound("No accepted talk " + proposalId + " in the timetable"));
            Placement wanted = new Placement(request.room(), request.start(),
                    request.start().plusMinutes(entry.talk().durationMinutes()));
            List<Clash> clashes = timetable.move(entry, wanted);
            if (!clashes.isEmpty()) {
                throw Problems.conflict(clashes.get(0).message(), Map.of("clashes", clashes));
            }
        }));
    }

    private Timetable retrying(String conferenceId, Consumer<Timetable> change) {
        return OptimisticRetry.retry(() -> save(current(conferenceId), change));
    }

    /**
     * The conference's working timetable, for whoever may see it: anyone while the conference publishes {@code LIVE},
     * its organizers under {@code RELEASES} (a {@code 401} for a caller who has not signed in, a {@code 403} for
     * others); a {@code 404} while unknown here.
     */
    public Timetable working(String conferenceId, Authentication caller) {
        Timetable timetable = ofKnownConference(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
        if (timetable.conference().publish() == Publish.RELEASES) {
            if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
                throw Problems.problem(HttpStatus.UNAUTHORIZED, conferenceId + " publishes its timetable in releases: "
                        + "its working timetable is for its organizers; the public one is /api/conferences/"
                        + conferenceId + "/timetable/published", Map.of());
            }
            organizedBy(timetable, caller);
        }
        return timetable;
    }

    /** The conference's working timetable, if the caller organizes it: {@code 404} while unknown here, else {@code 403}. */
    public Timetable organized(String conferenceId, Authentication caller) {
        Timetable timetable = ofKnownConference(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId + " (or not known here yet)"));
        organizedBy(timetable, caller);
        return timetable;
    }

    /** The conference, if the caller organizes it: a {@code 404} while unknown here, a {@code 403} for others. */
    private Conference organizedBy(String conferenceId, Authentication caller) {
        return organizedBy(ofKnownConference(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId + " (or not known here yet)")),
                caller);
    }

    private static Conference organizedBy(Timetable timetable, Authentication caller) {
        Conference conference = timetable.conference();
        TeamAccess.require(caller, conference.team(), TeamRole.ORGANIZER, null, conference.conferenceId());
        return conference;
    }

    /**
     * One write: the first inserts the timetable, every other one updates what changed, guarded by the revision
     * (the relay's removals of published events do not count, so they never fail it).
     */
    private Timetable save(Timetable timetable, Consumer<Timetable> change) {
        long before = timetable.lastChangeId();
        long revision = timetable.revision();
        change.accept(timetable);
        timetable.revised();
        // before the write, after which this copy forgets the events it raised (the store has them)
        List<String> raised = timetable.pendingEvents().stream().map(PendingEvent::eventId).toList();
        if (timetable.isNew()) {
            aggregates.insert(timetable);
        }
        else {
            // a timetable stored before revisions were counted has none yet
            aggregates.update(Timetable.class, timetable, revision == 0
                    ? Filters.or(Filters.eq("revision", 0L), Filters.exists("revision", false))
                    : Filters.eq("revision", revision), timetable.changesToWrite(mongo.getConverter()));
        }
        timetable.changesWritten();
        List<Change> changes = timetable.changesAfter(before);
        if (!changes.isEmpty()) {
            publisher.publishEvent(new TimetableChanged(timetable.conferenceId(), changes, raised));
        }
        return timetable;
    }
}
