package org.cfpflow.schedule.export;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Track;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The c3voc {@code schedule.json} (JSON Schema draft-06 in shared/specs). */
final class ScheduleJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9_-]+[a-z0-9]$");

    private ScheduleJson() {
    }

    static String write(PublishedSchedule schedule) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://c3voc.de/schedule/schema.json");
        root.putObject("generator").put("name", "cfp-flow").put("version", "1");
        ObjectNode body = root.putObject("schedule");
        body.put("version", schedule.version());
        body.put("base_url", schedule.baseUrl() + "/");
        ObjectNode conference = body.putObject("conference");
        conference.put("acronym", schedule.acronym());
        conference.put("title", schedule.title());
        conference.put("start", schedule.start().toString());
        conference.put("end", schedule.end().toString());
        conference.put("daysCount", schedule.days().size());
        conference.put("timeslot_duration", "00:05");
        conference.put("time_zone_name", schedule.zone().getId());
        conference.put("url", schedule.baseUrl() + "/schedule");
        ArrayNode tracks = conference.putArray("tracks");
        for (Track track : schedule.tracks()) {
            ObjectNode node = tracks.addObject().put("name", track.name());
            if (SLUG.matcher(track.slug()).matches()) {
                node.put("slug", track.slug());
            }
        }
        ArrayNode rooms = conference.putArray("rooms");
        for (String room : schedule.rooms()) {
            rooms.addObject().put("name", room).put("guid", StableIds.room(room).toString());
        }
        ArrayNode days = conference.putArray("days");
        for (PublishedSchedule.Day day : schedule.days()) {
            ObjectNode dayNode = days.addObject();
            dayNode.put("index", day.index());
            dayNode.put("date", day.date().toString());
            dayNode.put("day_start", OFFSET_TIME.format(day.start()));
            dayNode.put("day_end", OFFSET_TIME.format(day.end()));
            ObjectNode roomsNode = dayNode.putObject("rooms");
            for (Map.Entry<String, List<PublishedSchedule.Talk>> room : day.rooms().entrySet()) {
                ArrayNode events = roomsNode.putArray(room.getKey());
                room.getValue().forEach(talk -> event(events.addObject(), talk, schedule));
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void event(ObjectNode event, PublishedSchedule.Talk talk, PublishedSchedule schedule) {
        event.put("guid", talk.guid());
        event.put("id", talk.id());
        event.put("date", OFFSET_TIME.format(talk.start()));
        event.put("start", talk.start().toLocalTime().toString().substring(0, 5));
        event.put("end", OFFSET_TIME.format(talk.end()));
        event.put("duration", hoursMinutes(talk.duration()));
        event.put("room", talk.room());
        event.put("slug", schedule.acronym().replaceAll("[^a-z0-9_-]", "") + "-" + talk.id());
        event.put("url", schedule.baseUrl() + "/schedule#" + talk.guid());
        event.put("title", talk.title());
        event.putNull("subtitle");
        event.put("track", talk.track());
        event.put("type", "talk");
        event.put("language", "en");
        event.put("abstract", talk.abstractText());
        event.put("description", talk.description());
        event.put("do_not_record", false);
        ArrayNode persons = event.putArray("persons");
        for (Speaker speaker : talk.speakers()) {
            persons.addObject().put("name", speaker.name()).put("guid", StableIds.person(speaker.name()).toString());
        }
        event.putArray("links");
        event.putArray("attachments");
    }

    static String hoursMinutes(Duration duration) {
        return String.format("%02d:%02d", duration.toHours(), duration.toMinutesPart());
    }
}
