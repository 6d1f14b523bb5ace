package org.cfpflow.platform;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

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
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * An iCalendar ({@code .ics}) of talks: the published schedule's and the one attached to a speaker's e-mail. Times
 * in the conference's zone with its VTIMEZONE (from ical4j's bundled tz data: nothing is fetched); a talk's UID is
 * stable, so a calendar that imported it moves the event rather than adding another. ical4j escapes text values.
 * Needs ical4j on the classpath (an optional dependency of this module).
 */
public final class IcsCalendar {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** One talk: {@code category} (its track) and {@code url} may be null. */
    public record Event(String uid, String title, OffsetDateTime start, OffsetDateTime end, String room,
                        String description, String category, URI url) {
    }

    private IcsCalendar() {
    }

    /** {@code product}: who wrote it, the PRODID's middle part ({@code -//CfP Flow//<product>//EN}). */
    public static String write(String product, ZoneId zone, List<Event> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CfP Flow//" + product + "//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        TimeZone vtimezone = ZONES.getTimeZone(zone.getId());
        if (vtimezone != null) {
            calendar.add(vtimezone.getVTimeZone());
        }
        for (Event event : events) {
            calendar.add(vevent(event, zone));
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

    private static VEvent vevent(Event event, ZoneId zone) {
        VEvent vevent = new VEvent(event.start().atZoneSameInstant(zone), event.end().atZoneSameInstant(zone),
                event.title());
        vevent.add(new Uid(event.uid() + "@cfp-flow"));
        vevent.add(new Location(event.room()));
        vevent.add(new Description(event.description()));
        if (event.category() != null) {
            vevent.add(new Categories(event.category()));
        }
        if (event.url() != null) {
            vevent.add(new Url(event.url()));
        }
        return vevent;
    }
}
