package org.cfpflow.schedule.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.schedule.ScheduleApplication;
import org.cfpflow.schedule.ScheduleServiceTest;
import org.cfpflow.testsupport.EventStream;
import org.cfpflow.testsupport.TestHttp;
import org.cfpflow.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the schedule-service on one broker and store, sharing its consumer group: whichever applies a
 * decision or a move, a client of either replica gets every change, once and in order.
 */
class ReplicasTest extends ScheduleServiceTest {

    @Autowired
    private ApplicationContext firstReplica;

    @Test
    void aStreamOnEitherReplicaCarriesEveryChange(TestInfrastructure infrastructure) {
        conference("UTC");
        assertStatus(blocks(List.of(block(track + "-a", "2017-09-21T09:00", "2017-09-21T17:00"))), 200);

        try (ConfigurableApplicationContext second = secondReplica(infrastructure);
             EventStream onFirst = EventStream.open("http://127.0.0.1:" + port + "/api/conferences/" + conferenceId + "/timetable/stream", null);
             EventStream onSecond = EventStream.open("http://127.0.0.1:" + port(second) + "/api/conferences/" + conferenceId + "/timetable/stream",
                     null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> onFirst.lines().contains("event:ready")
                    && onSecond.lines().contains("event:ready"));
            // both replicas in the consumer group, its rebalance over: until then neither applies a decision
            awaitGroupSettled(infrastructure, 2);

            // one partition here: the replica that holds it applies every decision, the other only hears of them
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String id = UUID.randomUUID().toString();
                accepted.add(id);
                publish(new ProposalAccepted(conferenceId, id, talk("Replicated " + i, 30, "r" + i + "@example.org"), null,
                        Instant.now()));
            }
            for (EventStream stream : List.of(onFirst, onSecond)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> accepted.stream()
                        .allMatch(id -> stream.lines().stream().anyMatch(line -> line.contains(id))));
            }

            // moves through either replica's API reach the other's readers, even where a replica makes a change of its
            // own before it hears of the other's: its Kafka path held up here, so that it certainly does
            OtherReplicas firstHears = firstReplica.getBean(OtherReplicas.class);
            firstHears.stop();
            TestHttp secondOrganizer = TestHttp.localhost(port(second)).as("organizer@example.org", "organizer-secret");
            assertStatus(secondOrganizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + accepted.get(0),
                    Map.of("start", "2017-09-21T15:00", "room", track + "-a")), 200);
            assertStatus(organizer.putJson("/api/conferences/" + conferenceId + "/timetable/talks/" + accepted.get(1),
                    Map.of("start", "2017-09-21T16:00", "room", track + "-a")), 200);
            firstHears.start();
            for (EventStream stream : List.of(onFirst, onSecond)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> count(stream, "event:TalkRescheduled") == 2);
                List<Long> ids = stream.lines().stream().filter(line -> line.startsWith("id:"))
                        .map(line -> Long.parseLong(line.substring(3))).toList();
                assertThat(ids).as("each change once, in order").isSorted().doesNotHaveDuplicates();
                assertThat(count(stream, "event:TalkScheduled")).isEqualTo(5);
            }
        }
    }

    private static void awaitGroupSettled(TestInfrastructure infrastructure, int members) {
        Map<String, Object> properties = new java.util.HashMap<>(infrastructure.kafkaClientProperties());
        properties.put("bootstrap.servers", infrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("schedule-service"))
                        .describedGroups().get("schedule-service").get();
                return group.groupState() == GroupState.STABLE && group.members().size() == members;
            });
        }
    }

    private static long count(EventStream stream, String line) {
        return stream.lines().stream().filter(line::equals).count();
    }

    private static ConfigurableApplicationContext secondReplica(TestInfrastructure infrastructure) {
        List<String> arguments = new ArrayList<>();
        infrastructure.springProperties("schedule-service").forEach((key, value) -> arguments.add("--" + key + "=" + value));
        arguments.add("--spring.profiles.active=test");
        arguments.add("--server.port=0");
        arguments.add("--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(ScheduleApplication.class).run(arguments.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext replica) {
        return ((WebServerApplicationContext) replica).getWebServer().getPort();
    }
}
