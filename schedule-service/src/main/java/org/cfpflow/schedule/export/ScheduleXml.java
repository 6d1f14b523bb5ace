package org.cfpflow.schedule.export;

import java.io.StringWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Track;

/** The frab/c3voc {@code schedule.xml} (XML Schema in shared/specs). The XML writer escapes every text. */
final class ScheduleXml {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Pattern TRACK_SLUG = Pattern.compile("[a-z][a-z0-9-]+");

    private ScheduleXml() {
    }

    static String write(PublishedSchedule schedule) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("schedule");
            xml.writeEmptyElement("generator");
            xml.writeAttribute("name", "cfp-flow");
            xml.writeAttribute("version", "1");
            text(xml, "url", schedule.baseUrl() + "/schedule.xml");
            text(xml, "version", schedule.version());
            xml.writeStartElement("conference");
            text(xml, "title", schedule.title());
            text(xml, "acronym", schedule.acronym());
            text(xml, "start", schedule.start().toString());
            text(xml, "end", schedule.end().toString());
            text(xml, "days", Integer.toString(schedule.days().size()));
            text(xml, "timeslot_duration", "00:05");
            text(xml, "base_url", schedule.baseUrl() + "/");
            text(xml, "time_zone_name", schedule.zone().getId());
            for (Track track : schedule.tracks()) {
                xml.writeStartElement("track");
                xml.writeAttribute("name", track.name());
                if (TRACK_SLUG.matcher(track.slug()).matches()) {
                    xml.writeAttribute("slug", track.slug());
                }
                xml.writeCharacters(track.name());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            for (PublishedSchedule.Day day : schedule.days()) {
                xml.writeStartElement("day");
                xml.writeAttribute("index", Integer.toString(day.index()));
                xml.writeAttribute("date", day.date().toString());
                xml.writeAttribute("start", OFFSET_TIME.format(day.start()));
                xml.writeAttribute("end", OFFSET_TIME.format(day.end()));
                for (Map.Entry<String, List<PublishedSchedule.Talk>> room : day.rooms().entrySet()) {
                    xml.writeStartElement("room");
                    xml.writeAttribute("name", room.getKey());
                    xml.writeAttribute("guid", StableIds.room(room.getKey()).toString());
                    for (PublishedSchedule.Talk talk : room.getValue()) {
                        event(xml, talk, schedule);
                    }
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        }
        catch (XMLStreamException e) {
            throw new IllegalStateException("writing schedule.xml failed", e);
        }
        return out.toString();
    }

    private static void event(XMLStreamWriter xml, PublishedSchedule.Talk talk, PublishedSchedule schedule)
            throws XMLStreamException {
        xml.writeStartElement("event");
        xml.writeAttribute("id", Long.toString(talk.id()));
        xml.writeAttribute("guid", talk.guid());
        text(xml, "room", talk.room());
        text(xml, "title", talk.title());
        text(xml, "type", "talk");
        text(xml, "date", OFFSET_TIME.format(talk.start()));
        text(xml, "start", talk.start().toLocalTime().toString().substring(0, 5));
        text(xml, "duration", ScheduleJson.hoursMinutes(talk.duration()));
        text(xml, "abstract", talk.abstractText() == null ? "" : talk.abstractText());
        text(xml, "track", talk.track());
        xml.writeStartElement("persons");
        for (Speaker speaker : talk.speakers()) {
            xml.writeStartElement("person");
            xml.writeAttribute("guid", StableIds.person(speaker.name()).toString());
            xml.writeCharacters(speaker.name());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        text(xml, "language", "en");
        text(xml, "description", talk.description() == null ? "" : talk.description());
        text(xml, "url", schedule.baseUrl() + "/schedule#" + talk.guid());
        xml.writeEndElement();
    }

    private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
