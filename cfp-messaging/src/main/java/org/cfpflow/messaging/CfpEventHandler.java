package org.cfpflow.messaging;

/**
 * What a service does with the events it consumes. Implementations must be idempotent on {@link ReceivedEvent#id()}
 * (see {@link Aggregate#markHandled(String)}) and tolerate events of one proposal in any order. Throw
 * {@link PoisonRecordException} for an event that can never be applied; any other exception is retried. An
 * optimistic-locking conflict calls {@code handle} again at once, so read what you change inside it.
 */
@FunctionalInterface
public interface CfpEventHandler {

    void handle(ReceivedEvent event);
}
