package org.cfpflow.schedule.timetable;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;

/** Every change of the timetable: from events and from organizers; each is one write, then the live update. */
@Service
public class Timetables implements CfpEventHandler {

    private final TimetableRepository timetables;
    private final MongoTemplate mongo;
    private final Aggregates aggregates;
    private final ApplicationEventPublisher publisher;
    /**
     * The timetable as {@link #handleAll} last wrote it; only that method (synchronized) uses it. Its next write
     * fails if another came in between (its revision is then not the stored one), and is retried on a fresh read.
     */
    private Timetable lastWritten;

    Timetables(TimetableRepository timetables, MongoTemplate mongo, Aggregates aggregates,
               ApplicationEventPublisher publisher) {
        this.timetables = timetables;
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.publisher = publisher;
    }

    public Timetable current() {
        return timetables.findById(Timetable.ID).orElseGet(Timetable::new);
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /**
     * The events of one poll, applied to one read of the timetable and saved in one write. The read is skipped
     * while the timetable this method last wrote is still the stored one: it is half a megabyte with a thousand talks.
     */
    @Override
    public synchronized void handleAll(List<ReceivedEvent> events) {
        List<ReceivedEvent> relevant = events.stream().filter(e -> change(e) != null).toList();
        if (relevant.isEmpty()) {
            return;
        }
        if (relevant.size() == 1 && alreadyHandled(relevant.get(0).id())) {
            // a redelivery, answered by the store without reading the whole timetable into this service
            return;
        }
        Timetable timetable = lastWritten != null ? lastWritten : current();
        // changed from here on: kept for the next poll only once saved
        lastWritten = null;
        List<ReceivedEvent> fresh = relevant.stream().filter(e -> timetable.markHandled(e.id())).toList();
        lastWritten = fresh.isEmpty() ? timetable
                : save(timetable, t -> fresh.forEach(e -> e.runInItsTrace(() -> change(e).accept(t))));
    }

    /** What the event does to the timetable; null for events that do not concern it. */
    private static Consumer<Timetable> change(ReceivedEvent event) {
        Object payload = event.payload();
        if (payload instanceof ConferenceDefined defined) {
            return t -> t.define(defined);
        }
        if (payload instanceof ProposalAccepted accepted) {
            return t -> t.accept(accepted);
        }
        if (payload instanceof ProposalRejected rejected) {
            return t -> t.reject(rejected);
        }
        if (payload instanceof ProposalWithdrawn withdrawn) {
            return t -> t.withdraw(withdrawn);
        }
        return null;
    }

    private boolean alreadyHandled(String eventId) {
        return mongo.exists(new Query(Criteria.where("_id").is(Timetable.ID).and("handledEventIds").is(eventId)),
                Timetable.class);
    }

    TimetableView replaceBlocks(BlocksRequest request) {
        return TimetableView.of(retrying(timetable -> {
            if (timetable.conference() == null) {
                throw Problems.conflict("The conference is not known here yet: define it first");
            }
            timetable.replaceBlocks(request.toBlocks(timetable.conference().tracks()));
        }));
    }

    TimetableView move(String proposalId, MoveRequest request) {
        request.validate();
        return TimetableView.of(retrying(timetable -> {
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

    private Timetable retrying(Consumer<Timetable> change) {
        return OptimisticRetry.retry(() -> save(current(), change));
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
            publisher.publishEvent(new TimetableChanged(changes));
        }
        return timetable;
    }
}
