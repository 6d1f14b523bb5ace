package org.cfpflow.messaging;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read at most once per {@code lifetime}: for what nearly every request needs and almost never changes
 * (the conference), so that a burst does not read the same document thousands of times. A change made elsewhere
 * (another replica) is seen within the lifetime; a change made here is seen at once ({@link #forget()}).
 */
public final class ShortLived<T> {

    private final Duration lifetime;
    private final Supplier<T> source;
    private volatile Holder<T> current;

    private record Holder<T>(T value, long readAt) {
    }

    public ShortLived(Duration lifetime, Supplier<T> source) {
        this.lifetime = lifetime;
        this.source = source;
    }

    public T get() {
        Holder<T> holder = current;
        long now = System.nanoTime();
        if (holder == null || now - holder.readAt() >= lifetime.toNanos()) {
            holder = new Holder<>(source.get(), now);
            current = holder;
        }
        return holder.value();
    }

    public void forget() {
        current = null;
    }
}
