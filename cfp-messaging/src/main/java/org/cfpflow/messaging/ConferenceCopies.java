package org.cfpflow.messaging;

import java.time.Duration;
import java.util.function.Supplier;

import org.cfpflow.events.ConferenceDefined;
import org.springframework.data.repository.CrudRepository;

/**
 * Keeps a service's {@link ConferenceCopy} from {@code cfp.conference} and answers what it holds, read at most once
 * a second: nearly every request and every e-mail asks, and the conference almost never changes. A change made here
 * is seen at once, one made by another replica within the second.
 */
public class ConferenceCopies<C extends ConferenceCopy> implements CfpEventHandler {

    private final CrudRepository<C, String> repository;
    private final Supplier<C> undefined;
    private final ShortLived<C> cached;

    /** {@code undefined}: the copy before any conference was defined (its defaults). */
    protected ConferenceCopies(CrudRepository<C, String> repository, Supplier<C> undefined) {
        this.repository = repository;
        this.undefined = undefined;
        this.cached = new ShortLived<>(Duration.ofSeconds(1), this::read);
    }

    /** The copy as read at most a second ago: to read, not to change. */
    public C current() {
        return cached.get();
    }

    private C read() {
        return repository.findById(ConferenceCopy.ID).orElseGet(undefined);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConferenceDefined defined) {
            C current = read();
            if (current.markHandled(event.id())) {
                current.apply(defined);
                repository.save(current);
                cached.forget();
            }
        }
    }
}
