package org.cfpflow.schedule.export;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.cfpflow.events.Speaker;
import org.cfpflow.platform.IcsCalendar;

/** {@code schedule.ics}: one event per published talk, with its track, speakers and link to the schedule page. */
final class ScheduleIcs {

    private ScheduleIcs() {
    }

    static String write(PublishedSchedule schedule) {
        return write(schedule, talk -> true);
    }

    /** The calendar of the schedule's talks that pass the filter (one talk's, a speaker's). */
    static String write(PublishedSchedule schedule, Predicate<PublishedSchedule.Talk> which) {
        List<IcsCalendar.Event> events = new ArrayList<>();
        for (PublishedSchedule.Day day : schedule.days()) {
            for (List<PublishedSchedule.Talk> talks : day.rooms().values()) {
                for (PublishedSchedule.Talk talk : talks.stream().filter(which).toList()) {
                    String speakers = talk.speakers().stream().map(Speaker::name).collect(Collectors.joining(", "));
                    events.add(new IcsCalendar.Event(talk.guid(), talk.title(), talk.start(), talk.end(), talk.room(),
                            (talk.abstractText() == null ? "" : talk.abstractText()) + "\n\nSpeakers: " + speakers,
                            talk.track(), URI.create(schedule.baseUrl() + "/schedule#" + talk.guid())));
                }
            }
        }
        return IcsCalendar.write(schedule.acronym(), schedule.zone(), events);
    }
}
