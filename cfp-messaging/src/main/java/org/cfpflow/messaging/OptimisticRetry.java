package org.cfpflow.messaging;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Read, change, save, and again if another write came in between: another request, or the relay removing
 * published events (which bumps the version on purpose). The attempt must read afresh each time.
 */
public final class OptimisticRetry {

    private static final int ATTEMPTS = 10;

    private OptimisticRetry() {
    }

    public static <T> T retry(Supplier<T> attempt) {
        for (int i = 1; ; i++) {
            try {
                return attempt.get();
            }
            catch (OptimisticLockingFailureException e) {
                if (i == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
