package org.cfpflow.schedule.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.Person;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalUpdated;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.Track;
import org.cfpflow.events.Window;
import org.cfpflow.messaging.PendingEvent;
import org.cfpflow.testsupport.SharedFiles;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The placement rule on the domain alone: no Spring, no I/O. */
class PlacementTest {

    private static final LocalDateTime DAY = LocalDateTime.of(2017, 9, 13, 0, 0);
    private Instant acceptedAt = Instant.parse("2017-08-01T00:00:00Z");

    private Timetable timetable(List<String> tracks, List<Block> blocks) {
        Timetable timetable = Timetable.of("lpc2017");
        timetable.define(new ConferenceDefined("lpc2017", "LPC", "America/Los_Angeles", Instant.EPOCH,
                Instant.EPOCH, tracks.stream().map(t -> new Track(t, t, List.of(5, 10, 15, 20, 30, 40),
                        List.<Person>of())).toList(), true, null, null, List.of(), Instant.now()));
        timetable.replaceBlocks(blocks);
        return timetable;
    }

    private static Talk talk(String title, String track, int minutes, String... emails) {
        List<Speaker> speakers = new ArrayList<>();
        for (String email : emails) {
            speakers.add(new Speaker(email.substring(0, email.indexOf('@')), email, null));
        }
        return new Talk(title, "a", "d", track, minutes, speakers);
    }

    private void accept(Timetable timetable, String id, Talk talk) {
        acceptedAt = acceptedAt.plusSeconds(60);
        timetable.accept(new ProposalAccepted("lpc2017", id, talk, null, acceptedAt), null);
    }

    private static Placement placement(Timetable timetable, String id) {
        return timetable.entry(id).orElseThrow().placement();
    }

    private static List<String> types(Timetable timetable) {
        return timetable.pendingEvents().stream().map(PendingEvent::type).toList();
    }

    @Test
    void theLpcSampleFillsItsBlockInAcceptanceOrderWithoutOverlap() {
        Path sample = SharedFiles.find("datasets/lpc2017-containers-mc.json").orElse(null);
        Assumptions.assumeTrue(sample != null, "shared/datasets/lpc2017-containers-mc.json is not beside this checkout");
        JsonNode dataset = JsonMapper.builder().build().readTree(sample.toFile());
        JsonNode block = dataset.path("timetable").get(0);
        JsonNode pause = block.path("breaks").get(0);
        Timetable timetable = timetable(List.of("containers"), List.of(new Block("containers",
                block.path("room").asString(), LocalDateTime.parse(block.path("start").asString()),
                LocalDateTime.parse(block.path("end").asString()), List.of(new Break(
                        LocalDateTime.parse(pause.path("start").asString()),
                        LocalDateTime.parse(pause.path("end").asString()))))));

        int i = 0;
        int total = 0;
        for (JsonNode proposal : dataset.path("proposals")) {
            List<Speaker> speakers = new ArrayList<>();
            proposal.path("speakers").forEach(s -> speakers.add(new Speaker(s.path("name").asString(),
                    s.path("email").asString(), null)));
            total += proposal.path("durationMinutes").asInt();
            accept(timetable, "lpc-" + i++, new Talk(proposal.path("title").asString(), "a", "d", "containers",
                    proposal.path("durationMinutes").asInt(), speakers));
        }

        assertThat(total).isEqualTo(150);
        List<Entry> entries = timetable.entries();
        assertThat(entries).hasSize(10).allMatch(Entry::isScheduled);
        assertThat(placement(timetable, "lpc-0").start()).isEqualTo(LocalDateTime.parse("2017-09-13T14:00"));
        for (int k = 1; k < entries.size(); k++) {
            Placement previous = entries.get(k - 1).placement();
            Placement current = entries.get(k).placement();
            assertThat(current.start()).as("acceptance order").isAfterOrEqualTo(previous.end());
            assertThat(current.overlaps(LocalDateTime.parse("2017-09-13T15:35"), LocalDateTime.parse("2017-09-13T15:50")))
                    .as("the break").isFalse();
        }
        assertThat(types(timetable)).containsOnly("TalkScheduled").hasSize(10);
    }

    @Test
    void aSpeakerWithTwoTalksInParallelRoomsIsNeverDoubleBooked() {
        Timetable timetable = timetable(List.of("kernel", "containers"), List.of(
                new Block("kernel", "Room A", DAY.withHour(9), DAY.withHour(11), List.of()),
                new Block("containers", "Room B", DAY.withHour(9), DAY.withHour(11), List.of())));

        accept(timetable, "k", talk("Kernel", "kernel", 30, "christian@example.org"));
        accept(timetable, "c", talk("Containers", "containers", 30, "christian@example.org", "serge@example.org"));
        accept(timetable, "s", talk("Solo", "containers", 30, "serge@example.org"));

        assertThat(placement(timetable, "k")).isEqualTo(new Placement("Room A", DAY.withHour(9), DAY.withHour(9).plusMinutes(30)));
        assertThat(placement(timetable, "c").start()).isEqualTo(DAY.withHour(9).plusMinutes(30));
        assertThat(placement(timetable, "s").start()).isEqualTo(DAY.withHour(9));
    }

    @Test
    void breaksAreRespectedAndTheGridIsFiveMinutes() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9).plusMinutes(2),
                DAY.withHour(12), List.of(new Break(DAY.withHour(10), DAY.withHour(10).plusMinutes(20))))));

        accept(timetable, "a", talk("A", "t", 40, "a@example.org"));
        accept(timetable, "b", talk("B", "t", 20, "b@example.org"));
        accept(timetable, "c", talk("C", "t", 20, "c@example.org"));

        assertThat(placement(timetable, "a").start()).isEqualTo(DAY.withHour(9).plusMinutes(5));
        assertThat(placement(timetable, "b").start()).isEqualTo(DAY.withHour(10).plusMinutes(20));
        assertThat(placement(timetable, "c").start()).isEqualTo(DAY.withHour(10).plusMinutes(40));
    }

    @Test
    void aTalkTooLongForAnyGapWaitsAndIsPlacedOnceASlotFrees() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        accept(timetable, "a", talk("A", "t", 20, "a@example.org"));
        accept(timetable, "b", talk("B", "t", 20, "b@example.org"));
        accept(timetable, "c", talk("C", "t", 10, "c@example.org"));
        accept(timetable, "long", talk("Long", "t", 20, "l@example.org"));
        assertThat(timetable.entry("long").orElseThrow().isScheduled()).isFalse();
        assertThat(types(timetable)).endsWith("TalkWaitlisted");

        timetable.withdraw(new ProposalWithdrawn("lpc2017", "b", talk("B", "t", 20, "b@example.org"), Instant.now()));

        assertThat(placement(timetable, "long").start()).isEqualTo(DAY.withHour(9).plusMinutes(20));
        assertThat(types(timetable)).endsWith("TalkUnscheduled", "TalkScheduled");
    }

    @Test
    void aMoveOntoATakenRoomIsRefusedWithTheClashAndChangesNothing() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        accept(timetable, "a", talk("A", "t", 20, "a@example.org"));
        accept(timetable, "b", talk("B", "t", 20, "b@example.org"));
        int raised = types(timetable).size();

        List<Clash> clashes = timetable.move(timetable.entry("b").orElseThrow(),
                new Placement("R", DAY.withHour(9), DAY.withHour(9).plusMinutes(20)));

        assertThat(clashes).extracting(Clash::otherProposalId).containsExactly("a");
        assertThat(placement(timetable, "b").start()).isEqualTo(DAY.withHour(9).plusMinutes(20));
        assertThat(types(timetable)).hasSize(raised);
    }

    @Test
    void aMoveToAFreeSlotReschedulesTheTalkThere() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        accept(timetable, "a", talk("A", "t", 30, "a@example.org"));
        Placement later = new Placement("R", DAY.withHour(9).plusMinutes(30), DAY.withHour(10));

        assertThat(timetable.move(timetable.entry("a").orElseThrow(), later)).isEmpty();

        assertThat(placement(timetable, "a")).isEqualTo(later);
        assertThat(types(timetable)).endsWith("TalkScheduled", "TalkRescheduled");
    }

    @Test
    void blocksThatShrinkWaitlistTheTalksThatNoLongerFitAndPlaceWhatStillCan() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        accept(timetable, "a", talk("A", "t", 30, "a@example.org"));
        accept(timetable, "b", talk("B", "t", 30, "b@example.org"));

        timetable.replaceBlocks(List.of(new Block("t", "R", DAY.withHour(9), DAY.withHour(9).plusMinutes(30),
                List.of())));

        assertThat(placement(timetable, "a").start()).isEqualTo(DAY.withHour(9));
        assertThat(timetable.entry("b").orElseThrow().isScheduled()).isFalse();
        assertThat(types(timetable)).endsWith("TalkUnscheduled", "TalkWaitlisted");
    }

    @Test
    void aDeclinedTalkFreesItsSlotForTheFirstWaitlistedTalkThatFitsInAcceptanceOrder() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        accept(timetable, "a", talk("A", "t", 30, "a@example.org"));
        accept(timetable, "b", talk("B", "t", 30, "b@example.org"));
        // waitlisted in this order: d is too long for a's slot, c fits it
        accept(timetable, "d", talk("D", "t", 40, "d@example.org"));
        accept(timetable, "c", talk("C", "t", 30, "c@example.org"));
        Placement freed = placement(timetable, "a");

        assertThat(timetable.decline(new ProposalDeclined("lpc2017", "a", talk("A", "t", 30, "a@example.org"),
                acceptedAt))).isTrue();

        assertThat(timetable.entry("a")).isEmpty();
        assertThat(placement(timetable, "c")).isEqualTo(freed);
        assertThat(timetable.entry("d").orElseThrow().isScheduled()).isFalse();
        assertThat(types(timetable)).endsWith("TalkUnscheduled", "TalkScheduled");
        assertThat(timetable.changesAfter(0).get(timetable.changesAfter(0).size() - 2).payload())
                .contains("The speakers declined the talk");
        // a decline of a talk not in the timetable changes nothing
        assertThat(timetable.decline(new ProposalDeclined("lpc2017", "zz", talk("Z", "t", 30, "z@example.org"),
                acceptedAt))).isFalse();
    }

    @Test
    void aConfirmationMarksTheTalkAndTellsTheLiveStreamWithoutAnEventOfItsOwn() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        Talk talk = talk("A", "t", 30, "a@example.org");
        accept(timetable, "a", talk);
        int raised = types(timetable).size();

        assertThat(timetable.confirm(new ProposalConfirmed("lpc2017", "a", talk, acceptedAt))).isTrue();
        assertThat(timetable.confirm(new ProposalConfirmed("lpc2017", "a", talk, acceptedAt))).isFalse();

        assertThat(timetable.entry("a").orElseThrow().confirmed()).isTrue();
        assertThat(types(timetable)).hasSize(raised);
        Change last = timetable.changesAfter(0).get(timetable.changesAfter(0).size() - 1);
        assertThat(last.type()).isEqualTo("ProposalConfirmed");
        assertThat(last.payload()).contains("\"confirmed\":true").doesNotContain("a@example.org");
        assertThat(TimetableView.of(timetable).days().get(0).rooms().get(0).slots().get(0).confirmed()).isTrue();
    }

    @Test
    void aConfirmationHeardBeforeTheAcceptanceIsKeptAndADeclineKeepsTheTalkOut() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        Instant accepted = Instant.parse("2017-08-01T10:00:00Z");
        Talk talk = talk("A", "t", 20, "a@example.org");

        timetable.accept(new ProposalAccepted("lpc2017", "a", talk, null, accepted),
                new Decision("a", Decision.Outcome.ACCEPTED, accepted, null, null, accepted.plusSeconds(5), null, null));
        assertThat(timetable.entry("a").orElseThrow().confirmed()).isTrue();

        assertThat(timetable.accept(new ProposalAccepted("lpc2017", "b", talk("B", "t", 20, "b@example.org"), null,
                accepted), new Decision("b", Decision.Outcome.ACCEPTED, accepted, null, accepted.plusSeconds(5),
                null, null, null))).isFalse();
        assertThat(timetable.entry("b")).isEmpty();
    }

    @Test
    void aTalkGoesInsideItsSpeakersWindowsOrToTheWaitlistSayingSo() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(12), List.of())));
        Talk late = talk("Late", "t", 30, "a@example.org").withAvailability(List.of(
                new Window(DAY.withHour(10).plusMinutes(50), DAY.withHour(11).plusMinutes(15)),
                new Window(DAY.withHour(11).plusMinutes(2), DAY.withHour(11).plusMinutes(40))));
        accept(timetable, "a", late);
        assertThat(placement(timetable, "a").start()).isEqualTo(DAY.withHour(11).plusMinutes(5));

        Talk never = talk("Never", "t", 30, "b@example.org").withAvailability(List.of(
                new Window(DAY.withHour(14), DAY.withHour(15))));
        accept(timetable, "b", never);
        assertThat(timetable.entry("b").orElseThrow().isScheduled()).isFalse();
        assertThat(timetable.changesAfter(0).get(timetable.changesAfter(0).size() - 1).payload())
                .contains("within its speakers' availability");

        List<Clash> clashes = timetable.move(timetable.entry("a").orElseThrow(),
                new Placement("R", DAY.withHour(9), DAY.withHour(9).plusMinutes(30)));
        assertThat(clashes).extracting(Clash::kind).containsExactly("OUTSIDE_AVAILABILITY");
        assertThat(clashes.get(0).message()).contains("2017-09-13T10:50 to 2017-09-13T11:15");
    }

    @Test
    void newWindowsMoveAPlacedTalkIntoThemAndLetAWaitlistedOneIn() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9),
                DAY.withHour(10), List.of())));
        Talk a = talk("A", "t", 30, "a@example.org");
        Talk b = talk("B", "t", 30, "b@example.org").withAvailability(List.of(
                new Window(DAY.withHour(9), DAY.withHour(9).plusMinutes(30))));
        accept(timetable, "a", a);
        accept(timetable, "b", b);
        assertThat(placement(timetable, "a").start()).isEqualTo(DAY.withHour(9));
        assertThat(timetable.entry("b").orElseThrow().isScheduled()).isFalse();

        // a's speakers can only speak in the second half hour now: a moves there, and b takes the first
        Talk moved = a.withAvailability(List.of(new Window(DAY.withHour(9).plusMinutes(30), DAY.withHour(10))));
        assertThat(timetable.reconsider(new ProposalUpdated("lpc2017", "a", moved, null, acceptedAt), null)).isTrue();

        assertThat(placement(timetable, "a").start()).isEqualTo(DAY.withHour(9).plusMinutes(30));
        assertThat(placement(timetable, "b").start()).isEqualTo(DAY.withHour(9));
        assertThat(types(timetable)).endsWith("TalkRescheduled", "TalkScheduled");
        // the same windows again change nothing; an update of a proposal not in the timetable neither
        assertThat(timetable.reconsider(new ProposalUpdated("lpc2017", "a", moved, null, acceptedAt), null))
                .isFalse();
        assertThat(timetable.reconsider(new ProposalUpdated("lpc2017", "zz", moved, null, acceptedAt), null))
                .isFalse();
    }

    @Test
    void talksUnconfirmedAtTheDeadlineGiveTheirSlotsToTheWaitlistUntilTheySayYes() {
        Timetable timetable = Timetable.of("lpc2017");
        timetable.define(new ConferenceDefined("lpc2017", "LPC", "America/Los_Angeles", Instant.EPOCH, Instant.EPOCH,
                List.of(new Track("t", "t", List.of(30), List.<Person>of())), true, null, null, List.of(),
                Instant.now(), new Confirmation(java.time.Duration.ofHours(1), true)));
        timetable.replaceBlocks(List.of(new Block("t", "R", DAY.withHour(9), DAY.withHour(10), List.of())));
        Talk a = talk("A", "t", 30, "a@example.org");
        accept(timetable, "a", a);
        Instant acceptedA = timetable.entry("a").orElseThrow().acceptedAt();
        accept(timetable, "b", talk("B", "t", 30, "b@example.org"));
        timetable.confirm(new ProposalConfirmed("lpc2017", "b", talk("B", "t", 30, "b@example.org"), acceptedAt));
        accept(timetable, "c", talk("C", "t", 30, "c@example.org"));
        Placement aSlot = placement(timetable, "a");

        assertThat(timetable.releaseUnconfirmed(acceptedA.plusSeconds(3 * 3600 - 1))).isFalse();
        assertThat(timetable.releaseUnconfirmed(acceptedA.plusSeconds(3 * 3600 + 30))).isTrue();

        // a waits (lapsed), c takes its slot; b was confirmed and keeps its own
        assertThat(timetable.entry("a").orElseThrow().isScheduled()).isFalse();
        assertThat(placement(timetable, "c")).isEqualTo(aSlot);
        assertThat(timetable.entry("b").orElseThrow().isScheduled()).isTrue();
        assertThat(types(timetable)).endsWith("TalkUnscheduled", "TalkWaitlisted", "TalkScheduled");
        // c is unconfirmed too, but its deadline runs from its own acceptance, later
        assertThat(timetable.lapsingBy(acceptedA.plusSeconds(3 * 3600 + 30))).isEmpty();

        // a confirms late: placed again as soon as a slot frees, ahead of nobody
        timetable.confirm(new ProposalConfirmed("lpc2017", "a", a, acceptedAt));
        assertThat(timetable.entry("a").orElseThrow().isScheduled()).isFalse();
        timetable.withdraw(new ProposalWithdrawn("lpc2017", "b", talk("B", "t", 30, "b@example.org"), acceptedAt));
        assertThat(timetable.entry("a").orElseThrow().isScheduled()).isTrue();
    }

    @Test
    void aWithdrawalBeforeTheAcceptanceKeepsTheTalkOut() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9), DAY.withHour(10),
                List.of())));
        Talk talk = talk("A", "t", 20, "a@example.org");
        Instant accepted = Instant.parse("2017-08-01T10:00:00Z");
        assertThat(timetable.withdraw(new ProposalWithdrawn("lpc2017", "a", talk, accepted.minusSeconds(60))))
                .as("a proposal never accepted: nothing to change").isFalse();
        assertThat(timetable.accept(new ProposalAccepted("lpc2017", "a", talk, null, accepted),
                new Decision("a", Decision.Outcome.ACCEPTED, accepted, accepted.minusSeconds(60), null, null, null, null))).isFalse();
        assertThat(timetable.entry("a")).isEmpty();
        assertThat(timetable.pendingEvents()).isEmpty();
    }

    @Test
    void anAcceptanceOlderThanTheLatestDecisionChangesNothing() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9), DAY.withHour(10),
                List.of())));
        Talk talk = talk("A", "t", 20, "a@example.org");
        Instant accepted = Instant.parse("2017-08-01T10:00:00Z");
        Decision rejectedLater = new Decision("a", Decision.Outcome.REJECTED, accepted.plusSeconds(60), null, null, null, null, null);
        assertThat(timetable.accept(new ProposalAccepted("lpc2017", "a", talk, null, accepted), rejectedLater)).isFalse();
        assertThat(timetable.entry("a")).isEmpty();
        Decision acceptedAgain = new Decision("a", Decision.Outcome.ACCEPTED, accepted.plusSeconds(120), null, null, null, null, null);
        assertThat(timetable.accept(new ProposalAccepted("lpc2017", "a", talk, null, accepted.plusSeconds(120)), acceptedAgain))
                .isTrue();
        assertThat(timetable.reject(new ProposalRejected("lpc2017", "a", talk, null, accepted.plusSeconds(60)), acceptedAgain))
                .as("a rejection older than the acceptance").isFalse();
        assertThat(timetable.entry("a")).isPresent();
    }

    @Test
    void theChangeLogKeepsTheRecentChangesAndSaysWhenAGapNeedsASnapshot() {
        Timetable timetable = timetable(List.of("t"), List.of(new Block("t", "R", DAY.withHour(9), DAY.withHour(10),
                List.of())));
        for (int i = 0; i < Timetable.RECENT_CHANGES + 50; i++) {
            accept(timetable, "talk-" + i, talk("Talk " + i, "t", 5, "s" + i + "@example.org"));
        }
        long last = timetable.lastChangeId();
        assertThat(last).isEqualTo(Timetable.RECENT_CHANGES + 50);
        assertThat(timetable.changesAfter(0)).hasSize(Timetable.RECENT_CHANGES);

        assertThat(timetable.canResumeAfter(last)).isTrue();
        assertThat(timetable.canResumeAfter(last - Timetable.RECENT_CHANGES)).isTrue();
        assertThat(timetable.changesAfter(last - Timetable.RECENT_CHANGES)).hasSize(Timetable.RECENT_CHANGES);
        assertThat(timetable.canResumeAfter(last - Timetable.RECENT_CHANGES - 1)).as("one change is gone").isFalse();
        assertThat(timetable.canResumeAfter(last + 1)).as("an id from another timetable").isFalse();
        assertThat(Timetable.of("lpc2017").canResumeAfter(0)).isTrue();
    }

    @Test
    void aThousandTalksOverTwentyRoomsAndThreeDaysPlaceWithoutAConflict() {
        List<Block> blocks = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            for (int room = 0; room < 20; room++) {
                LocalDateTime start = DAY.plusDays(day).withHour(9);
                blocks.add(new Block("main", "Room " + room, start, start.withHour(18),
                        List.of(new Break(start.withHour(12).withMinute(30), start.withHour(13).withMinute(30)))));
            }
        }
        Timetable timetable = timetable(List.of("main"), blocks);
        Random random = new Random(2017);
        List<Integer> lengths = List.of(10, 15, 20, 30, 40);
        for (int i = 0; i < 1_000; i++) {
            String first = "speaker" + random.nextInt(400) + "@example.org";
            String[] speakers = random.nextInt(4) == 0
                    ? new String[] {first, "speaker" + random.nextInt(400) + "@example.org"} : new String[] {first};
            if (speakers.length == 2 && speakers[0].equals(speakers[1])) {
                speakers = new String[] {first};
            }
            accept(timetable, "talk-" + i, talk("Talk " + i, "main", lengths.get(random.nextInt(lengths.size())), speakers));
        }

        List<Entry> placed = timetable.entries().stream().filter(Entry::isScheduled).toList();
        assertThat(placed).hasSize(1_000);
        Planner planner = new Planner(blocks, List.of());
        for (int a = 0; a < placed.size(); a++) {
            Entry x = placed.get(a);
            assertThat(planner.fitsBlocks(x)).as("inside a block, outside breaks").isTrue();
            for (int b = a + 1; b < placed.size(); b++) {
                Entry y = placed.get(b);
                if (!x.placement().overlaps(y.placement().start(), y.placement().end())) {
                    continue;
                }
                assertThat(x.placement().room()).as("room overlap").isNotEqualTo(y.placement().room());
                Set<String> shared = x.speakerEmails().stream().filter(y.speakerEmails()::contains)
                        .collect(Collectors.toSet());
                assertThat(shared).as("speaker double-booked").isEqualTo(Collections.emptySet());
            }
        }
    }
}
