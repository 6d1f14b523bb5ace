package org.cfpflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cfpflow.testsupport.CfpInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

@SpringBootTest
@CfpInfrastructure
class CombinedInsertsTest {

    @Autowired
    Aggregates aggregates;

    @Autowired
    TallyRepository tallies;

    @Autowired
    OutboxRelay relay;

    @Autowired
    InsertGate gate;

    final ExecutorService callers = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopCallers() {
        gate.release();
        callers.shutdownNow();
    }

    @Test
    void aCallerAloneWritesAtOnce() {
        CombinedInserts<Tally> inserts = new CombinedInserts<>(aggregates, Tally.class);
        Tally tally = tally();

        assertThat(inserts.insert(tally)).isSameAs(tally);

        assertThat(tally.version()).isZero();
        assertThat(tallies.findById(tally.id()).orElseThrow().handledTypes()).containsExactly("ProposalSubmitted");
        assertThat(inserts.waiting()).isZero();
    }

    @Test
    void whatQueuesWhileAnInsertIsInFlightIsWrittenInOneCommand() throws Exception {
        CombinedInserts<Tally> inserts = new CombinedInserts<>(aggregates, Tally.class);
        CompletableFuture<Tally> first = insertHeldInFlight(inserts);
        List<Tally> queued = List.of(tally(), tally(), tally());
        List<CompletableFuture<Tally>> queuedCalls = queued.stream().map(t -> insertAsync(inserts, t)).toList();
        await().until(() -> inserts.waiting() == 3);
        assertThat(queuedCalls).noneMatch(CompletableFuture::isDone);

        gate.release();

        first.get(10, TimeUnit.SECONDS);
        for (int i = 0; i < queued.size(); i++) {
            assertThat(queuedCalls.get(i).get(10, TimeUnit.SECONDS)).isSameAs(queued.get(i));
            assertThat(tallies.findById(queued.get(i).id())).isPresent();
        }
        assertThat(gate.documentsPerInsert()).containsExactly(1, 3);
    }

    @Test
    void anIdTakenFailsOnlyItsCallerInTheBatch() throws Exception {
        CombinedInserts<Tally> inserts = new CombinedInserts<>(aggregates, Tally.class);
        Tally stored = tallies.save(tally());
        CompletableFuture<Tally> first = insertHeldInFlight(inserts);
        Tally claim = new Tally(stored.id());
        claim.count("ProposalUpdated");
        Tally fresh = tally();
        CompletableFuture<Tally> claimCall = insertAsync(inserts, claim);
        await().until(() -> inserts.waiting() == 1);
        CompletableFuture<Tally> freshCall = insertAsync(inserts, fresh);
        await().until(() -> inserts.waiting() == 2);

        gate.release();

        first.get(10, TimeUnit.SECONDS);
        assertThat(freshCall.get(10, TimeUnit.SECONDS)).isSameAs(fresh);
        assertThat(causeOf(claimCall)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(gate.documentsPerInsert()).containsExactly(1, 2);
        assertThat(tallies.findById(stored.id()).orElseThrow().handledTypes()).containsExactly("ProposalSubmitted");
        assertThat(tallies.findById(fresh.id())).isPresent();
    }

    @Test
    void anInterruptedCallerStillLearnsItsAggregateWasWrittenAndKeepsTheInterrupt() throws Exception {
        CombinedInserts<Tally> inserts = new CombinedInserts<>(aggregates, Tally.class);
        CompletableFuture<Tally> first = insertHeldInFlight(inserts);
        Tally queued = tally();
        AtomicBoolean interruptKept = new AtomicBoolean();
        CompletableFuture<Tally> queuedCall = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                queuedCall.complete(inserts.insert(queued));
            }
            catch (RuntimeException e) {
                queuedCall.completeExceptionally(e);
            }
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        await().until(() -> inserts.waiting() == 1);

        caller.interrupt();
        // it goes on waiting for the insert in flight, rather than give up on an aggregate that is queued
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !queuedCall.isDone());
        gate.release();

        first.get(10, TimeUnit.SECONDS);
        assertThat(queuedCall.get(10, TimeUnit.SECONDS)).isSameAs(queued);
        caller.join(10_000);
        assertThat(interruptKept).isTrue();
        assertThat(tallies.findById(queued.id())).isPresent();
    }

    @Test
    void whenTheStoreCannotBeReachedEveryCallerGetsTheFailure() throws Exception {
        try (MongoClient unreachable = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300")) {
            MongoTemplate nowhere = new MongoTemplate(unreachable, "nowhere");
            CombinedInserts<Tally> inserts = new CombinedInserts<>(new Aggregates(nowhere, relay), Tally.class);
            List<CompletableFuture<Tally>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(insertAsync(inserts, tally()));
            }
            for (CompletableFuture<Tally> call : calls) {
                assertThat(causeOf(call)).isInstanceOf(DataAccessResourceFailureException.class);
            }
            assertThat(inserts.waiting()).isZero();
        }
    }

    /** Starts an insert that stays in flight, at the client, until {@code gate.release()}. */
    private CompletableFuture<Tally> insertHeldInFlight(CombinedInserts<Tally> inserts) throws InterruptedException {
        gate.holdNextInsertInto("tallies");
        CompletableFuture<Tally> first = insertAsync(inserts, tally());
        gate.awaitHeld();
        return first;
    }

    private CompletableFuture<Tally> insertAsync(CombinedInserts<Tally> inserts, Tally tally) {
        return CompletableFuture.supplyAsync(() -> inserts.insert(tally), callers);
    }

    private static Throwable causeOf(CompletableFuture<?> call) throws Exception {
        try {
            call.get(10, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call succeeded");
    }

    private static Tally tally() {
        Tally tally = new Tally(UUID.randomUUID().toString());
        tally.count("ProposalSubmitted");
        return tally;
    }
}
