package org.cfpflow.messaging;

import java.util.List;

/**
 * What a service does with the events it consumes. Implementations must be idempotent on {@link ReceivedEvent#id()}
 * (see {@link Aggregate#markHandled(String)}) and tolerate events of one proposal in any order. Throw
 * {@link PoisonRecordException} for an event that can never be applied; any other exception is retried. An
 * optimistic-locking conflict calls {@code handle} again at once, so read what you change inside it.
 */
@FunctionalInterface
public interface CfpEventHandler {

    void handle(ReceivedEvent event);

    /**
     * Applies the events of one poll, in their order, when the service consumes in batches
     * ({@code consumer.batch-mode}). A handler whose events all change one document overrides this to read and
     * write it once for all of them; the same rules hold (idempotent, retried as a whole on a conflict).
     */
    default void handleAll(List<ReceivedEvent> events) {
        for (ReceivedEvent event : events) {
            event.runInItsTrace(() -> OptimisticRetry.retry(() -> {
                handle(event);
                return null;
            }));
        }
    }
}
