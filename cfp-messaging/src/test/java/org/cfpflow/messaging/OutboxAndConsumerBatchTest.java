package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.cfpflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

/**
 * The same tests with the service consuming in batches: its own group and database, so that the record-mode
 * context of the other tests, still running, cannot do its work.
 */
@SpringBootTest(properties = {"spring.cloud.stream.bindings.cfpEvents-in-0.consumer.batch-mode=true",
        "spring.cloud.stream.bindings.cfpEvents-in-0.consumer.use-native-decoding=true",
        "spring.cloud.stream.bindings.cfpEvents-in-0.group=messaging-test-batch",
        "spring.mongodb.database=messaging-test-batch"})
class OutboxAndConsumerBatchTest extends OutboxAndConsumerTest {

    @Autowired
    BindingsLifecycleController bindings;

    @Test
    void recordsWaitingTogetherReachTheHandlerTogether() {
        List<String> ids = IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID().toString()).toList();
        // paused, the consumer polls nothing; resumed, its next poll returns everything written meanwhile
        bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.PAUSED);
        ids.forEach(id -> kafka.send(Topics.PROPOSALS, id, submitted(id), headers(id, "ProposalSubmitted")));
        bindings.changeState("cfpEvents-in-0", BindingsLifecycleController.State.RESUMED);

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> tallies.findById(id).isPresent()));
        // the pause takes effect at the consumer's next poll: the first records may still come one by one
        assertThat(MessagingTestApplication.LARGEST_BATCH.get()).isGreaterThan(ids.size() / 2);
    }
}
