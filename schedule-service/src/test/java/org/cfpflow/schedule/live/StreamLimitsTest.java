package org.cfpflow.schedule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.EventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.MeterRegistry;

/** Live streams are capped, and a reader that stops reading is dropped without holding up anyone else. */
@TestPropertySource(properties = {"cfp.stream.max-per-client=3", "cfp.stream.max-total=5", "cfp.stream.max-pending=8",
        "cfp.http.trusted-proxies=127.0.0.1,::1"})
class StreamLimitsTest extends ScheduleServiceTest {

    /**
     * Small socket send buffers, so that a reader that stops reading blocks the server's writes after a few changes
     * rather than after the megabytes Linux buffers on loopback (where the test would only take longer).
     */
    @TestConfiguration
    static class SmallSendBuffers {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "8192"));
        }
    }

    @Autowired
    LiveTimetable live;

    @Autowired
    MeterRegistry meters;

    private final List<EventStream> streams = new ArrayList<>();

    @AfterEach
    void endStreams() {
        streams.forEach(EventStream::close);
        live.stop();
        live.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> live.subscriberCount() == 0);
    }

    @Test
    void streamsAreCappedPerAddressAndInTotal() {
        conference("UTC");
        for (int i = 0; i < 3; i++) {
            assertThat(open("203.0.113.1").status()).isEqualTo(200);
        }
        EventStream fourth = open("203.0.113.1");
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isNotBlank();
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(open("203.0.113.2").status()).isEqualTo(200);
        assertThat(open("203.0.113.3").status()).isEqualTo(200);
        EventStream sixth = open("203.0.113.4");
        assertThat(sixth.status()).isEqualTo(503);
        assertThat(sixth.header("Retry-After")).isNotBlank();
        assertThat(live.subscriberCount()).isEqualTo(5);
    }

    @Test
    void aReaderThatStopsReadingIsDroppedAndTheOthersGetEveryChange() throws Exception {
        conference("UTC");
        assertStatus(blocks(List.of(block("Room A", "2017-09-22T09:00", "2017-09-22T17:00"))), 200);
        String id = UUID.randomUUID().toString();
        List<Speaker> speakers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            speakers.add(new Speaker("Speaker " + i + " " + "x".repeat(180), "s" + i + "@example.org", null));
        }
        publish(new ProposalAccepted(conferenceId, id, new Talk("A talk with a long title " + "y".repeat(150), "a", "d", track, 30,
                speakers), null, Instant.now()));
        schedule(id, 1);

        EventStream reader = open("203.0.113.10");
        try (Socket stuck = new Socket()) {
            stuck.setReceiveBufferSize(1024);
            stuck.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = stuck.getOutputStream();
            out.write(("GET /api/conferences/" + conferenceId + "/timetable/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "X-Forwarded-For: 203.0.113.11\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> live.subscriberCount() == 2);
            double droppedBefore = meters.counter("cfp.stream.dropped").count();

            int moves = 60;
            for (int i = 0; i < moves; i++) {
                assertStatus(organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + id, Map.of("room", "Room A",
                        "start", i % 2 == 0 ? "2017-09-22T10:00" : "2017-09-22T11:00")), 200);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.lines().stream()
                    .filter("event:TalkRescheduled"::equals).count() == moves);
            assertThat(meters.counter("cfp.stream.dropped").count()).as("the stuck reader was dropped")
                    .isEqualTo(droppedBefore + 1);
            assertThat(live.subscriberCount()).isEqualTo(1);
        }
    }

    private EventStream open(String address) {
        EventStream stream = EventStream.open("http://127.0.0.1:" + port + "/api/conferences/" + conferenceId + "/timetable/stream", null,
                "X-Forwarded-For", address);
        streams.add(stream);
        return stream;
    }
}
