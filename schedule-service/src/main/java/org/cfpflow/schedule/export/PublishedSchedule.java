package org.cfpflow.schedule.export;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Track;
import org.cfpflow.schedule.timetable.Block;
import org.cfpflow.schedule.timetable.Conference;
import org.cfpflow.schedule.timetable.Entry;
import org.cfpflow.schedule.timetable.ScheduleContent;

/** The timetable as the export formats see it: days, rooms, talks with their stable ids. */
record PublishedSchedule(String version, String title, String acronym, ZoneId zone, LocalDate start, LocalDate end,
                         List<Track> tracks, List<String> rooms, List<Day> days, String baseUrl) {

    record Day(int index, LocalDate date, OffsetDateTime start, OffsetDateTime end, Map<String, List<Talk>> rooms) {
    }

    record Talk(String proposalId, String guid, long id, String room, String title, String abstractText,
                String description, String track, List<Speaker> speakers, OffsetDateTime start, OffsetDateTime end) {

        Duration duration() {
            return Duration.between(start, end);
        }
    }

    static PublishedSchedule of(ScheduleContent timetable, String baseUrl) {
        ZoneId zone = timetable.zone();
        Conference conference = timetable.conference();
        Map<LocalDate, List<Block>> blocksByDay = new TreeMap<>();
        for (Block block : timetable.blocks()) {
            blocksByDay.computeIfAbsent(block.start().toLocalDate(), d -> new ArrayList<>()).add(block);
        }
        Map<LocalDate, List<Entry>> talksByDay = new TreeMap<>();
        timetable.entries().stream().filter(Entry::isScheduled)
                .sorted(Comparator.comparing((Entry e) -> e.placement().start()))
                .forEach(e -> talksByDay.computeIfAbsent(e.placement().start().toLocalDate(), d -> new ArrayList<>()).add(e));
        TreeSet<LocalDate> allDates = new TreeSet<>(blocksByDay.keySet());
        allDates.addAll(talksByDay.keySet());
        List<LocalDate> dates = List.copyOf(allDates);
        List<Day> days = new ArrayList<>();
        for (LocalDate date : dates) {
            List<Block> blocks = blocksByDay.getOrDefault(date, List.of());
            List<Entry> talks = talksByDay.getOrDefault(date, List.of());
            Map<String, List<Talk>> rooms = new TreeMap<>();
            blocks.forEach(b -> rooms.computeIfAbsent(b.room(), r -> new ArrayList<>()));
            for (Entry e : talks) {
                rooms.computeIfAbsent(e.placement().room(), r -> new ArrayList<>()).add(new Talk(e.proposalId(),
                        StableIds.talk(e.proposalId()).toString(), StableIds.number(e.proposalId()),
                        e.placement().room(), e.talk().title(), e.talk().abstractText(), e.talk().description(),
                        e.talk().track(), e.talk().speakers(), e.placement().start().atZone(zone).toOffsetDateTime(),
                        e.placement().end().atZone(zone).toOffsetDateTime()));
            }
            OffsetDateTime dayStart = blocks.stream().map(b -> b.start().atZone(zone).toOffsetDateTime())
                    .min(Comparator.naturalOrder()).orElse(date.atStartOfDay(zone).toOffsetDateTime());
            OffsetDateTime dayEnd = blocks.stream().map(b -> b.end().atZone(zone).toOffsetDateTime())
                    .max(Comparator.naturalOrder()).orElse(date.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
            for (List<Talk> roomTalks : rooms.values()) {
                for (Talk talk : roomTalks) {
                    dayStart = talk.start().isBefore(dayStart) ? talk.start() : dayStart;
                    dayEnd = talk.end().isAfter(dayEnd) ? talk.end() : dayEnd;
                }
            }
            days.add(new Day(days.size() + 1, date, dayStart, dayEnd, rooms));
        }
        LocalDate today = LocalDate.now(zone);
        LocalDate start = conference != null && conference.start() != null ? conference.start()
                : dates.isEmpty() ? today : dates.get(0);
        LocalDate end = conference != null && conference.end() != null ? conference.end()
                : dates.isEmpty() ? start : dates.get(dates.size() - 1);
        List<String> rooms = days.stream().flatMap(d -> d.rooms().keySet().stream()).distinct().sorted().toList();
        return new PublishedSchedule(timetable.release() != null ? timetable.release().version()
                : Long.toString(timetable.version()),
                conference == null ? "Conference" : conference.title(),
                conference == null ? "conference" : conference.conferenceId(), zone, start, end,
                conference == null ? List.of() : conference.tracks(), rooms, days, baseUrl);
    }
}
