package org.cfpflow.platform;

import java.io.IOException;

/** A request body over {@code cfp.http.max-body-size}: answered {@code 413}. */
public class RequestTooLargeException extends IOException {

    private final long maxBytes;

    public RequestTooLargeException(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
