package org.cfpflow.schedule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.EventStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** A stream ends after its timeout, having told the browser how soon to come back; it resumes by its last id. */
@TestPropertySource(properties = "cfp.stream.timeout=2s")
class StreamTimeoutTest extends ScheduleServiceTest {

    @Test
    void aStreamEndsAfterItsTimeoutAndTheClientResumesFromItsLastId() {
        conference("UTC");
        String url = "http://127.0.0.1:" + port + "/api/conferences/" + conferenceId + "/timetable/stream";
        try (EventStream first = EventStream.open(url, null)) {
            await().atMost(Duration.ofSeconds(10)).until(first::ended);
            assertThat(first.lines()).contains("event:ready", "retry:1000");
            String lastId = first.lines().stream().filter(l -> l.startsWith("id:")).reduce((a, b) -> b).orElseThrow()
                    .substring(3);
            try (EventStream resumed = EventStream.open(url, lastId)) {
                assertThat(resumed.status()).isEqualTo(200);
                await().atMost(Duration.ofSeconds(10)).until(resumed::ended);
                assertThat(resumed.lines()).as("nothing missed: no snapshot needed").doesNotContain("event:ready");
            }
        }
    }
}
