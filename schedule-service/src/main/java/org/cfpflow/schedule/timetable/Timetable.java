package org.cfpflow.schedule.timetable;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.EventType;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.Aggregate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * A conference's whole timetable in one document (its id is the conference's), so that placing a talk, the events it causes and the change log the live
 * page resumes from are one write. A conference of a few thousand talks fits easily.
 */
@org.springframework.data.mongodb.core.mapping.Document("timetable")
public class Timetable extends Aggregate {

    /**
     * Changes kept for clients that reconnect: an EventSource is back within seconds, and each change carries its
     * talk's public view, so a longer log only makes every write of this document heavier. Older gaps get a snapshot.
     */
    static final int RECENT_CHANGES = 256;
    /**
     * Event ids remembered, the newest: redeliveries are answered without a write. An older one is applied again
     * and changes nothing, as every change here is idempotent by the timetable's state and the {@link Decision}s.
     */
    static final int HANDLED_KEPT = 1_000;

    @Id
    private String id;
    private Conference conference;
    private List<Block> blocks = new ArrayList<>();
    private List<Entry> entries = new ArrayList<>();
    private long lastChangeId;
    /** Counts the saves of this service (not the relay's removals of published events): see {@link Timetables}. */
    private long revision;
    private List<Change> changes = new ArrayList<>();

    // what changed since the last write, so that a write sends the change, not half a megabyte of timetable
    @Transient
    private boolean conferenceChanged;
    @Transient
    private boolean blocksChanged;
    /** Set by anything but appending: then the entries are written whole. */
    @Transient
    private boolean entriesChanged;
    @Transient
    private List<Entry> entriesAppended = new ArrayList<>();
    @Transient
    private List<Change> changesAppended = new ArrayList<>();

    /** The empty timetable of a conference: no blocks, no talks; the conference itself may not be known yet. */
    static Timetable of(String conferenceId) {
        Timetable timetable = new Timetable();
        timetable.id = conferenceId;
        return timetable;
    }

    public String conferenceId() {
        return id;
    }

    /** Returns whether the timetable changed (an older definition than the one known changes nothing). */
    boolean define(ConferenceDefined defined) {
        if (isNew(defined)) {
            conference = Conference.of(defined);
            conferenceChanged = true;
            return true;
        }
        return false;
    }

    /**
     * Places the talk by the placement rule, or waitlists it, if this acceptance is still the proposal's latest
     * decision and the proposal was not withdrawn ({@code known}); a known talk only takes the acceptance's text.
     * Returns whether the timetable changed.
     */
    boolean accept(ProposalAccepted accepted, Decision known) {
        if (!stillAccepted(accepted, known)) {
            return false;
        }
        Optional<Entry> entry = entry(accepted.proposalId());
        Talk talk = known == null ? accepted.talk() : known.latest(accepted.talk());
        if (entry.isPresent()) {
            if (entry.get().talk().equals(talk)) {
                return false;
            }
            return retalk(entry.get(), talk);
        }
        Entry added = new Entry(accepted.proposalId(), talk, accepted.acceptedAt(), null);
        if (known != null && known.confirmed()) {
            // confirmed before this service heard of the acceptance
            added.confirm();
        }
        entries.add(added);
        entriesAppended.add(added);
        Optional<Placement> slot = planner().earliest(added);
        if (slot.isPresent()) {
            added.place(slot.get());
            emit(new TalkScheduled(id, added.proposalId(), added.talk(), slot(slot.get())));
        }
        else {
            emit(new TalkWaitlisted(id, added.proposalId(), added.talk(), noSlotReason(added.talk())));
        }
        return true;
    }

    private String noSlotReason(Talk talk) {
        return blocks.isEmpty() ? "The timetable has no blocks yet" : "No free slot of " + talk.durationMinutes()
                + " minutes in track " + talk.track() + (talk.availability().isEmpty() ? ""
                : " within its speakers' availability");
    }

    /**
     * The speakers changed when they can speak (or the talk's text changed): a talk placed outside its new windows
     * moves to the earliest slot inside them, or to the waitlist; a waitlisted one may now fit.
     */
    boolean reconsider(ProposalUpdated updated, Decision known) {
        Optional<Entry> entry = entry(updated.proposalId());
        Talk talk = known == null ? updated.talk() : known.latest(updated.talk());
        if (entry.isEmpty() || entry.get().talk().equals(talk)) {
            return false;
        }
        return retalk(entry.get(), talk);
    }

    /** The entry takes the talk as it is now, and is placed again if its slot is no longer within its windows. */
    private boolean retalk(Entry entry, Talk talk) {
        entry.talk(talk);
        entriesChanged = true;
        if (!entry.isScheduled()) {
            placeWaitlisted();
            return true;
        }
        Placement previous = entry.placement();
        if (talk.availableAt(previous.start(), previous.end())) {
            return true;
        }
        entry.place(null);
        Optional<Placement> slot = planner().earliest(entry);
        if (slot.isPresent()) {
            entry.place(slot.get());
            emit(new TalkRescheduled(id, entry.proposalId(), talk, slot(slot.get()), slot(previous)));
        }
        else {
            emit(new TalkUnscheduled(id, entry.proposalId(), talk, slot(previous),
                    "Its speakers are no longer available then"));
            emit(new TalkWaitlisted(id, entry.proposalId(), talk, noSlotReason(talk)));
        }
        placeWaitlisted();
        return true;
    }

    /** Frees the talk's slot if this rejection is the proposal's latest decision. Returns whether anything changed. */
    boolean reject(ProposalRejected rejected, Decision known) {
        Optional<Entry> entry = entry(rejected.proposalId());
        if (entry.isEmpty() || !stillRejected(rejected, known)) {
            return false;
        }
        remove(entry.get(), "The proposal was rejected");
        return true;
    }

    /** Frees the talk's slot; a proposal never accepted is not in the timetable, and its withdrawal changes nothing. */
    boolean withdraw(ProposalWithdrawn withdrawal) {
        Optional<Entry> entry = entry(withdrawal.proposalId());
        entry.ifPresent(e -> remove(e, "The proposal was withdrawn"));
        return entry.isPresent();
    }

    /** Frees the talk's slot, as a withdrawal does: its speakers will not give it. */
    boolean decline(ProposalDeclined declined) {
        Optional<Entry> entry = entry(declined.proposalId());
        entry.ifPresent(e -> remove(e, "The speakers declined the talk"));
        return entry.isPresent();
    }

    /** Marks the talk confirmed; the live stream hears of it. A talk not accepted here yet learns it on acceptance. */
    boolean confirm(ProposalConfirmed confirmed) {
        Optional<Entry> entry = entry(confirmed.proposalId()).filter(Entry::confirm);
        entry.ifPresent(e -> {
            entriesChanged = true;
            note(confirmed);
            if (!e.isScheduled()) {
                placeWaitlisted();
            }
        });
        return entry.isPresent();
    }

    /**
     * Whether applying the event would change the timetable as it is (the same guards as {@link #define},
     * {@link #accept}, {@link #reconsider}, {@link #reject}, {@link #withdraw}, {@link #decline} and
     * {@link #confirm}), without changing it: a poll that changes nothing is
     * not written.
     */
    boolean wouldChange(CfpEvent event, Decision known) {
        if (event instanceof ConferenceDefined defined) {
            return isNew(defined);
        }
        if (event instanceof ProposalAccepted accepted) {
            Talk talk = known == null ? accepted.talk() : known.latest(accepted.talk());
            return stillAccepted(accepted, known)
                    && entry(accepted.proposalId()).map(e -> !e.talk().equals(talk)).orElse(true);
        }
        if (event instanceof ProposalUpdated updated) {
            Talk talk = known == null ? updated.talk() : known.latest(updated.talk());
            return entry(updated.proposalId()).map(e -> !e.talk().equals(talk)).orElse(false);
        }
        if (event instanceof ProposalRejected rejected) {
            return stillRejected(rejected, known) && entry(rejected.proposalId()).isPresent();
        }
        if (event instanceof ProposalDeclined declined) {
            return entry(declined.proposalId()).isPresent();
        }
        if (event instanceof ProposalConfirmed confirmed) {
            return entry(confirmed.proposalId()).filter(e -> !e.confirmed()).isPresent();
        }
        return event instanceof ProposalWithdrawn withdrawn && entry(withdrawn.proposalId()).isPresent();
    }

    private boolean isNew(ConferenceDefined defined) {
        return conference == null || !defined.definedAt().isBefore(conference.definedAt());
    }

    private static boolean stillAccepted(ProposalAccepted accepted, Decision known) {
        return known == null || known.stillAccepts(accepted.acceptedAt());
    }

    private static boolean stillRejected(ProposalRejected rejected, Decision known) {
        return known == null || known.stillRejects(rejected.rejectedAt());
    }

    private void remove(Entry entry, String reason) {
        entries.remove(entry);
        entriesChanged = true;
        if (entry.isScheduled()) {
            emit(new TalkUnscheduled(id, entry.proposalId(), entry.talk(), slot(entry.placement()), reason));
            placeWaitlisted();
        }
    }

    /** Replaces all blocks; talks that no longer fit go to the waitlist, then the waitlist is placed again. */
    void replaceBlocks(List<Block> newBlocks) {
        blocks = List.copyOf(newBlocks);
        blocksChanged = true;
        entriesChanged = true;
        Planner planner = new Planner(blocks, List.of());
        for (Entry entry : scheduledInOrder()) {
            if (!planner.fitsBlocks(entry)) {
                Slot previous = slot(entry.placement());
                entry.place(null);
                emit(new TalkUnscheduled(id, entry.proposalId(), entry.talk(), previous, "The timetable blocks changed"));
                emit(new TalkWaitlisted(id, entry.proposalId(), entry.talk(), "Its slot is no longer in the timetable"));
            }
        }
        placeWaitlisted();
    }

    /** An organizer's move. Returns the clashes, or an empty list when the talk moved. */
    List<Clash> move(Entry entry, Placement wanted) {
        Planner planner = planner();
        List<Clash> clashes = planner.clashes(entry, wanted);
        if (!clashes.isEmpty()) {
            return clashes;
        }
        Placement previous = entry.placement();
        entry.place(wanted);
        entriesChanged = true;
        if (previous == null) {
            emit(new TalkScheduled(id, entry.proposalId(), entry.talk(), slot(wanted)));
        }
        else if (!previous.equals(wanted)) {
            emit(new TalkRescheduled(id, entry.proposalId(), entry.talk(), slot(wanted), slot(previous)));
            placeWaitlisted();
        }
        return List.of();
    }

    /**
     * Under a conference that gives unconfirmed talks' slots away: every placed talk still unconfirmed at its deadline
     * goes to the waitlist, where it stays until its speakers confirm; the waitlist moves up into the slots. Returns
     * whether any did.
     */
    boolean releaseUnconfirmed(Instant now) {
        List<Entry> lapsing = lapsingBy(now);
        for (Entry entry : lapsing) {
            Slot previous = slot(entry.placement());
            String deadline = conference.confirmation().deadline(entry.acceptedAt()).atZone(zone()).toLocalDateTime()
                    .toString().replace('T', ' ');
            entry.place(null);
            entry.lapse();
            emit(new TalkUnscheduled(id, entry.proposalId(), entry.talk(), previous,
                    "Its speakers had not confirmed it by " + deadline));
            emit(new TalkWaitlisted(id, entry.proposalId(), entry.talk(),
                    "It is placed again once its speakers confirm it"));
        }
        if (!lapsing.isEmpty()) {
            entriesChanged = true;
            placeWaitlisted();
        }
        return !lapsing.isEmpty();
    }

    /** The placed talks {@link #releaseUnconfirmed} would send to the waitlist at {@code now}. */
    List<Entry> lapsingBy(Instant now) {
        Confirmation confirmation = conference == null ? null : conference.confirmation();
        if (confirmation == null || !confirmation.releaseUnconfirmed()) {
            return List.of();
        }
        return entries.stream().filter(e -> e.isScheduled() && !e.confirmed()
                && !confirmation.deadline(e.acceptedAt()).isAfter(now)).toList();
    }

    private void placeWaitlisted() {
        Planner planner = planner();
        List<Entry> waiting = entries.stream().filter(e -> !e.isScheduled() && !e.lapsed())
                .sorted(Comparator.comparing(Entry::acceptedAt)).toList();
        for (Entry entry : waiting) {
            planner.earliest(entry).ifPresent(slot -> {
                entry.place(slot);
                entriesChanged = true;
                planner.occupy(entry);
                emit(new TalkScheduled(id, entry.proposalId(), entry.talk(), slot(slot)));
            });
        }
    }

    private Planner planner() {
        return new Planner(blocks, entries);
    }

    private List<Entry> scheduledInOrder() {
        return entries.stream().filter(Entry::isScheduled).sorted(Comparator.comparing(Entry::acceptedAt)).toList();
    }

    /** Raises the event and logs it for the live stream. */
    private void emit(CfpEvent event) {
        raise(event);
        note(event);
    }

    /** Logs a change for the live stream: one this service raised, or one it was told of. */
    private void note(CfpEvent event) {
        Change change = new Change(++lastChangeId, EventType.of(event).typeName(), event.subject(),
                ChangeView.of(event), Instant.now());
        changes.add(change);
        changesAppended.add(change);
        if (changes.size() > RECENT_CHANGES) {
            changes = new ArrayList<>(changes.subList(changes.size() - RECENT_CHANGES, changes.size()));
        }
    }

    Slot slot(Placement placement) {
        return placement.slotIn(zone());
    }

    /** The working timetable as a schedule: every accepted talk, placed or waiting. */
    public ScheduleContent content() {
        return new ScheduleContent(conference, zone(), blocks, entries, lastChangeId, null);
    }

    @Override
    protected int handledEventsKept() {
        return HANDLED_KEPT;
    }

    public ZoneId zone() {
        return conference == null ? ZoneOffset.UTC : ZoneId.of(conference.timezone());
    }

    public Optional<Entry> entry(String proposalId) {
        return entries.stream().filter(e -> e.proposalId().equals(proposalId)).findFirst();
    }

    public Conference conference() {
        return conference;
    }

    public List<Block> blocks() {
        return blocks;
    }

    public List<Entry> entries() {
        return entries;
    }

    long revision() {
        return revision;
    }

    /**
     * The changes since the last write as update operators, the values as a whole save would map them: the
     * timetable's fields that changed are set, new entries and changes appended (the log trimmed as here).
     */
    Document changesToWrite(MongoConverter converter) {
        Document set = new Document();
        Document push = new Document();
        if (conferenceChanged) {
            set.put("conference", converter.convertToMongoType(conference));
        }
        if (blocksChanged) {
            set.put("blocks", converter.convertToMongoType(blocks));
        }
        if (entriesChanged) {
            set.put("entries", converter.convertToMongoType(entries));
        }
        else if (!entriesAppended.isEmpty()) {
            push.put("entries", new Document("$each", converter.convertToMongoType(entriesAppended)));
        }
        if (!changesAppended.isEmpty()) {
            push.put("changes", new Document("$each", converter.convertToMongoType(changesAppended))
                    .append("$slice", -RECENT_CHANGES));
        }
        set.put("lastChangeId", lastChangeId);
        set.put("revision", revision);
        Document operators = new Document("$set", set);
        if (!push.isEmpty()) {
            operators.put("$push", push);
        }
        return operators;
    }

    /** After a write: what changes next is written next. */
    void changesWritten() {
        conferenceChanged = false;
        blocksChanged = false;
        entriesChanged = false;
        entriesAppended = new ArrayList<>();
        changesAppended = new ArrayList<>();
    }

    void revised() {
        revision++;
    }

    public long lastChangeId() {
        return lastChangeId;
    }

    /** Whether the change log still holds every change after this one (else the client needs a snapshot). */
    public boolean canResumeAfter(long changeId) {
        if (changeId > lastChangeId || changeId < 0) {
            return false;
        }
        return changes.isEmpty() ? changeId == lastChangeId : changeId >= changes.get(0).id() - 1;
    }

    public List<Change> changesAfter(long changeId) {
        return changes.stream().filter(c -> c.id() > changeId).toList();
    }
}
