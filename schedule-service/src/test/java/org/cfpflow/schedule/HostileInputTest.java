package org.cfpflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cfpflow.testsupport.HostileInputs;
import org.cfpflow.testsupport.StrictBodies;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** The public timetable, its exports and the organizers' writes, fed hostile input: never a 5xx or a stack trace. */
class HostileInputTest extends ScheduleServiceTest {

    @Test
    void publicReadsAndOrganizerWritesSurviveHostileInput() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-room", "2017-09-22T09:00", "2017-09-22T10:00"))), 200);
        HostileInputs hostile = HostileInputs.seeded();
        Map<String, Object> block = Map.of("track", track, "room", "r", "start", "2017-09-22T09:00",
                "end", "2017-09-22T10:00");
        for (int i = 0; i < 40; i++) {
            String junk = hostile.pathSegment();
            for (String path : List.of("/api/conferences/" + conferenceId + "/timetable?" + junk + "=" + junk, "/" + conferenceId + "/schedule.xml?x=" + junk,
                    "/" + conferenceId + "/schedule.json/" + junk, "/" + conferenceId + "/schedule/" + junk, "/api/conferences/" + conferenceId + "/timetable/talks/" + junk)) {
                HostileInputs.assertHandledCleanly("GET " + path, anonymous.get(path));
            }
            String lastEventId = hostile.string().replaceAll("[^\\x21-\\x7e]", "");
            if (!lastEventId.matches("\\d{1,18}")) {
                HostileInputs.assertHandledCleanly("GET stream, Last-Event-ID " + lastEventId,
                        anonymous.get("/api/conferences/" + conferenceId + "/timetable/stream", "Last-Event-ID", lastEventId.isEmpty() ? "x" : lastEventId));
            }
            String before = anonymous.get("/api/conferences/" + conferenceId + "/timetable").body();
            TestHttp.Response blocks = organizer.send("PUT", "/api/conferences/" + conferenceId + "/timetable/blocks", "application/json",
                    hostile.body(Map.of("blocks", List.of(hostile.mutate(block)))));
            HostileInputs.assertHandledCleanly("PUT /api/timetable/blocks #" + i, blocks);
            if (blocks.status() != 200) {
                assertThat(anonymous.get("/api/conferences/" + conferenceId + "/timetable").body()).as("refused, so unchanged; seed " + hostile.seed())
                        .isEqualTo(before);
            }
            HostileInputs.assertHandledCleanly("PUT /api/timetable/talks", organizer.send("PUT",
                    "/api/conferences/" + conferenceId + "/timetable/talks/" + junk, "application/json",
                    hostile.body(Map.of("start", "2017-09-22T09:00", "room", "r"))));
        }
    }

    @Test
    void bodiesThatMeanMoreThanOneThingAreRefusedNamingTheField() {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-room", "2017-09-22T09:00", "2017-09-22T10:00"))), 200);
        String before = anonymous.get("/api/conferences/" + conferenceId + "/timetable").body();
        Map<String, Object> blocks = Map.of("blocks", List.of(block("Room A", "2017-09-22T09:00", "2017-09-22T12:00")));
        List<StrictBodies.Refusal> refusals = new ArrayList<>(StrictBodies.from(blocks, "blocks[0].room", null));
        refusals.add(new StrictBodies.Refusal("a number for a local date-time",
                "{\"blocks\": [{\"start\": 1506070800}]}".getBytes(StandardCharsets.UTF_8), "blocks[0].start"));
        for (StrictBodies.Refusal refusal : refusals) {
            StrictBodies.assertRefused(refusal, organizer.send("PUT", "/api/conferences/" + conferenceId + "/timetable/blocks", "application/json",
                    refusal.body()));
        }
        for (StrictBodies.Refusal refusal : StrictBodies.from(Map.of("start", "2017-09-22T09:00", "room", "Room A"),
                "room", null)) {
            StrictBodies.assertRefused(refusal, organizer.send("PUT", "/api/conferences/" + conferenceId + "/timetable/talks/p-1", "application/json",
                    refusal.body()));
        }
        assertThat(anonymous.get("/api/conferences/" + conferenceId + "/timetable").body()).as("nothing changed").isEqualTo(before);
    }
}
