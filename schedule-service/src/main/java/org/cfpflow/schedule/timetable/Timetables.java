package org.cfpflow.schedule.timetable;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.OptimisticRetry;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.platform.Problems;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Every change of the timetable: from events and from organizers; each is one write, then the live update. */
@Service
public class Timetables implements CfpEventHandler {

    private final TimetableRepository timetables;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher publisher;
    /** The timetable as {@link #handleAll} last saved it; only that method (synchronized) uses it. */
    private Timetable lastWritten;

    Timetables(TimetableRepository timetables, MongoTemplate mongo, ApplicationEventPublisher publisher) {
        this.timetables = timetables;
        this.mongo = mongo;
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
     * The events of one poll, applied to one read of the timetable and saved in one write. The read is skipped when
     * the timetable this method last wrote is still the stored one: it is half a megabyte with a thousand talks.
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
        Timetable timetable = lastWrittenIfStillStored();
        // changed from here on: kept for the next poll only once saved
        lastWritten = null;
        List<ReceivedEvent> fresh = relevant.stream().filter(e -> timetable.markHandled(e.id())).toList();
        lastWritten = fresh.isEmpty() ? timetable
                : save(timetable, t -> fresh.forEach(e -> e.runInItsTrace(() -> change(e).accept(t))));
    }

    /**
     * The timetable last saved by {@link #handleAll} if no save came after it (the revision counts saves); the
     * relay's removals of published events in between are taken from the store, with the version they left.
     */
    private Timetable lastWrittenIfStillStored() {
        Timetable last = lastWritten;
        if (last != null) {
            Query outbox = new Query(Criteria.where("_id").is(Timetable.ID));
            outbox.fields().include("revision", "version", "pendingEvents");
            Timetable stored = mongo.findOne(outbox, Timetable.class);
            if (stored != null && stored.revision() == last.revision()) {
                last.refreshOutbox(stored);
                return last;
            }
        }
        return current();
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

    private Timetable save(Timetable timetable, Consumer<Timetable> change) {
        long before = timetable.lastChangeId();
        change.accept(timetable);
        timetable.revised();
        Timetable saved = timetables.save(timetable);
        List<Change> changes = saved.changesAfter(before);
        if (!changes.isEmpty()) {
            publisher.publishEvent(new TimetableChanged(changes));
        }
        return saved;
    }
}
