package org.cfpflow.schedule.timetable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cfpflow.events.Publish;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;

/**
 * {@code GET /api/conferences/{c}/timetable}: days, their rooms and slots, and the waitlist in acceptance order.
 * {@code publish}: what the conference's public schedule shows; {@code release}: the release this view is of, null
 * for the working timetable.
 */
public record TimetableView(String conference, String timezone, long version, List<Day> days, List<Waiting> waitlist,
                            int scheduled, String publish, ScheduleContent.Released release) {

    public record Day(LocalDate date, List<Room> rooms) {
    }

    public record Room(String name, List<SlotView> slots) {
    }

    /** {@code confirmed}: its speakers confirmed they will give it. */
    public record SlotView(String proposalId, String title, String track, List<String> speakers, int durationMinutes,
                           OffsetDateTime start, OffsetDateTime end, LocalDateTime startLocal, LocalDateTime endLocal,
                           boolean confirmed) {
    }

    public record Waiting(String proposalId, String title, String track, List<String> speakers, int durationMinutes,
                          boolean confirmed) {
    }

    public static TimetableView of(Timetable timetable) {
        return of(timetable.content());
    }

    public static TimetableView of(ScheduleContent timetable) {
        Map<LocalDate, TreeSet<String>> roomsByDay = new TreeMap<>();
        for (Block block : timetable.blocks()) {
            for (LocalDate day = block.start().toLocalDate(); !day.isAfter(block.end().toLocalDate());
                 day = day.plusDays(1)) {
                roomsByDay.computeIfAbsent(day, d -> new TreeSet<>()).add(block.room());
            }
        }
        List<Entry> scheduled = timetable.entries().stream().filter(Entry::isScheduled)
                .sorted(Comparator.comparing((Entry e) -> e.placement().start())).toList();
        scheduled.forEach(e -> roomsByDay.computeIfAbsent(e.placement().start().toLocalDate(), d -> new TreeSet<>())
                .add(e.placement().room()));
        List<Day> days = roomsByDay.entrySet().stream().map(day -> new Day(day.getKey(), day.getValue().stream()
                .map(room -> new Room(room, scheduled.stream()
                        .filter(e -> e.placement().room().equals(room)
                                && e.placement().start().toLocalDate().equals(day.getKey()))
                        .map(e -> slotView(timetable, e)).toList()))
                .toList())).toList();
        List<Waiting> waitlist = timetable.entries().stream().filter(e -> !e.isScheduled())
                .sorted(Comparator.comparing(Entry::acceptedAt))
                .map(e -> new Waiting(e.proposalId(), e.talk().title(), e.talk().track(), names(e),
                        e.talk().durationMinutes(), e.confirmed()))
                .toList();
        Conference conference = timetable.conference();
        return new TimetableView(conference == null ? null : conference.title(), timetable.zone().getId(),
                timetable.version(), days, waitlist, scheduled.size(),
                (conference == null ? Publish.LIVE : conference.publish()).name(), timetable.release());
    }

    private static SlotView slotView(ScheduleContent timetable, Entry e) {
        Slot slot = e.placement().slotIn(timetable.zone());
        return new SlotView(e.proposalId(), e.talk().title(), e.talk().track(), names(e), e.talk().durationMinutes(),
                slot.start(), slot.end(), slot.startLocal(), slot.endLocal(), e.confirmed());
    }

    private static List<String> names(Entry e) {
        return e.talk().speakers().stream().map(Speaker::name).toList();
    }
}
