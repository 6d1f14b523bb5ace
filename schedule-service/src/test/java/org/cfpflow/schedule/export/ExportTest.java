package org.cfpflow.schedule.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.messaging.CalendarLinks;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.SharedFiles;
import org.cfpflow.testsupport.TestHttp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/** The exports validate against the c3voc schemas and keep their ids; hostile text stays text. */
class ExportTest extends ScheduleServiceTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & ]]> \u00e9";

    private String hostileId;
    private String plainId;

    @BeforeEach
    void schedule() {
        conference("America/Los_Angeles");
        assertStatus(blocks(List.of(block("Containers MC room", "2017-09-13T14:00", "2017-09-13T17:30",
                Map.of("start", "2017-09-13T15:35", "end", "2017-09-13T15:50")))), 200);
        hostileId = UUID.randomUUID().toString();
        plainId = UUID.randomUUID().toString();
        publish(new ProposalAccepted(conferenceId, hostileId, new Talk(HOSTILE, "Abstract with\r\nBEGIN:VEVENT; a, b", HOSTILE,
                track, 15, List.of(new Speaker("Stéphane <b>Graber</b>", "stephane.graber@example.org", null))),
                null, Instant.now()));
        publish(new ProposalAccepted(conferenceId, plainId, talk("LXCFS", 20, "serge@example.org"), null, Instant.now()));
        schedule(plainId, 1);
    }

    @Test
    void scheduleXmlValidatesAgainstTheC3vocXsdAndEscapesText() throws Exception {
        Path xsd = SharedFiles.find("specs/schedule.xml.xsd").orElse(null);
        Assumptions.assumeTrue(xsd != null, "shared/specs/schedule.xml.xsd is not beside this checkout: not validated");
        TestHttp.Response xml = anonymous.get("/" + conferenceId + "/schedule.xml");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("application/xml");

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml.body())));

        assertThat(xml.body()).contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; ]]&gt; é")
                .doesNotContain("<script>")
                .contains("guid=\"" + StableIds.talk(hostileId) + "\"")
                .contains("<date>2017-09-13T14:00:00-07:00</date>", "<start>14:00</start>", "<duration>00:15</duration>");
    }

    @Test
    void scheduleJsonValidatesAgainstTheC3vocJsonSchema() throws Exception {
        Path schemaFile = SharedFiles.find("specs/schedule.schema.json").orElse(null);
        Assumptions.assumeTrue(schemaFile != null, "shared/specs/schedule.schema.json is not beside this checkout: not validated");
        TestHttp.Response json = anonymous.get("/" + conferenceId + "/schedule.json");
        assertThat(json.status()).isEqualTo(200);

        List<Error> errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6)
                .getSchema(Files.readString(schemaFile)).validate(json.body(), InputFormat.JSON);

        assertThat(errors).isEmpty();
        assertThat(json.json().path("schedule").path("conference").path("acronym").asString()).isEqualTo(conferenceId);
        assertThat(json.json().path("schedule").path("conference").path("url").asString())
                .as("the conference's own page").endsWith("/" + conferenceId + "/schedule");
        assertThat(json.body()).contains(StableIds.talk(plainId).toString())
                .as("a person's guid is not a hash of their e-mail address, which anyone could confirm a guess against")
                .contains(StableIds.person("serge").toString())
                .doesNotContain(StableIds.uuid5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
                        "acct:serge@example.org").toString());
        // the schema rejects what is not a schedule: the check can fail
        assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_6).getSchema(Files.readString(schemaFile))
                .validate("{\"schedule\": {\"version\": 1}}", InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void scheduleIcsParsesBackWithItsTimeZoneAndStableUids() throws Exception {
        TestHttp.Response ics = anonymous.get("/" + conferenceId + "/schedule.ics");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));

        assertThat(calendar.getComponents("VTIMEZONE")).hasSize(1);
        assertThat(ics.body()).contains("TZID:America/Los_Angeles");
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent hostile = events.stream().filter(e -> e.getUid().orElseThrow().getValue()
                .equals(StableIds.talk(hostileId) + "@cfp-flow")).findFirst().orElseThrow();
        assertThat(hostile.getSummary().getValue()).isEqualTo(HOSTILE);
        assertThat(hostile.getDescription().getValue().replace("\r", "")).startsWith("Abstract with\nBEGIN:VEVENT; a, b");
        assertThat(ics.body().lines().filter("BEGIN:VEVENT"::equals).count()).isEqualTo(events.size());

        // a reschedule keeps the UID
        assertStatus(organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + plainId, Map.of("start", "2017-09-13T16:00",
                "room", "Containers MC room")), 200);
        await().atMost(Duration.ofSeconds(5)).until(() -> anonymous.get("/" + conferenceId + "/schedule.ics").body()
                .contains(StableIds.talk(plainId) + "@cfp-flow"));
    }

    @Test
    void aTalkAndEachSpeakerHaveACalendarOfTheirOwn() throws Exception {
        TestHttp.Response talk = anonymous.get("/" + conferenceId + "/talks/" + plainId + ".ics");
        assertThat(talk.contentType()).startsWith("text/calendar");
        assertThat(uids(talk)).containsExactly(StableIds.talk(plainId) + "@cfp-flow");
        assertThat(anonymous.get("/" + conferenceId + "/talks/unknown.ics").status()).isEqualTo(404);

        // the key the notification-service puts in the speaker's e-mails (the test configuration's)
        CalendarLinks links = CalendarLinks.of("Y2FsZW5kYXJrZXljYWxlbmRhcmtleWNhbGVuZGFyMDE=").orElseThrow();
        String serges = links.keyOf(conferenceId, "Serge@Example.org");
        assertThat(uids(anonymous.get("/" + conferenceId + "/speakers/" + serges + ".ics")))
                .containsExactly(StableIds.talk(plainId) + "@cfp-flow");
        assertThat(uids(anonymous.get("/" + conferenceId + "/speakers/"
                + links.keyOf(conferenceId, "stephane.graber@example.org") + ".ics")))
                .containsExactly(StableIds.talk(hostileId) + "@cfp-flow");
        assertThat(uids(anonymous.get("/" + conferenceId + "/speakers/" + links.keyOf("other", "serge@example.org")
                + ".ics"))).as("a key of another conference").isEmpty();
        assertThat(uids(anonymous.get("/" + conferenceId + "/speakers/AAAAAAAAAAAAAAAAAAAAAA.ics"))).isEmpty();
        assertThat(anonymous.get("/" + conferenceId + "/speakers/serge@example.org.ics").status()).isEqualTo(404);
    }

    private static List<String> uids(TestHttp.Response ics) throws Exception {
        assertThat(ics.status()).as(ics.body()).isEqualTo(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.body()));
        return calendar.<VEvent>getComponents("VEVENT").stream().map(e -> e.getUid().orElseThrow().getValue()).toList();
    }
}
