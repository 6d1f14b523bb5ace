package org.cfpflow.schedule.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.cfpflow.events.Speaker;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * {@code schedule.ics}: one VEVENT per talk with a stable UID, times in the conference's zone with its VTIMEZONE
 * (from ical4j's bundled tz data: nothing is fetched). ical4j escapes text values.
 */
final class ScheduleIcs {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private ScheduleIcs() {
    }

    static String write(PublishedSchedule schedule) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CfP Flow//" + schedule.acronym() + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        TimeZone zone = ZONES.getTimeZone(schedule.zone().getId());
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        for (PublishedSchedule.Day day : schedule.days()) {
            for (List<PublishedSchedule.Talk> talks : day.rooms().values()) {
                for (PublishedSchedule.Talk talk : talks) {
                    calendar.add(event(talk, schedule));
                }
            }
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static VEvent event(PublishedSchedule.Talk talk, PublishedSchedule schedule) {
        VEvent event = new VEvent(talk.start().atZoneSameInstant(schedule.zone()),
                talk.end().atZoneSameInstant(schedule.zone()), talk.title());
        event.add(new Uid(talk.guid() + "@cfp-flow"));
        event.add(new Location(talk.room()));
        String speakers = talk.speakers().stream().map(Speaker::name).collect(Collectors.joining(", "));
        event.add(new Description((talk.abstractText() == null ? "" : talk.abstractText()) + "\n\nSpeakers: " + speakers));
        event.add(new Categories(talk.track()));
        event.add(new Url(java.net.URI.create(schedule.baseUrl() + "/schedule#" + talk.guid())));
        return event;
    }
}
