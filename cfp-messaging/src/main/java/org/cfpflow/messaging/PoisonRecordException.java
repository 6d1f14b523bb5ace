package org.cfpflow.messaging;

/** A record that can never be processed (bad JSON, unknown type, invalid payload): it goes to the DLQ at once. */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
