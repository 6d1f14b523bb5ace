package org.cfpflow.notification.mail;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;

import org.cfpflow.events.Slot;
import org.cfpflow.events.Talk;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The {@code .ics} attached to scheduled and rescheduled e-mails: one event, the same UID on every move. */
final class TalkCalendar {

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

    private TalkCalendar() {
    }

    static String of(String proposalId, Talk talk, Slot slot, String conference, ZoneId zone) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//CfP Flow//notification//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        TimeZone vtimezone = ZONES.getTimeZone(zone.getId());
        if (vtimezone != null) {
            calendar.add(vtimezone.getVTimeZone());
        }
        VEvent event = new VEvent(slot.start().atZoneSameInstant(zone), slot.end().atZoneSameInstant(zone),
                talk.title());
        event.add(new Uid(proposalId + "@cfp-flow"));
        event.add(new Location(slot.room()));
        event.add(new Description(conference + ": " + (talk.abstractText() == null ? "" : talk.abstractText())));
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
