package org.cfpflow.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import org.cfpflow.events.ConferenceDefined;
import org.springframework.data.repository.CrudRepository;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * Keeps a service's {@link ConferenceCopy}s from {@code cfp.conference}, one per conference, and answers what they
 * hold, each read at most once in {@link #FRESH_FOR}: nearly every request and every e-mail asks, and a conference
 * almost never changes. A change this replica applies is seen at once, one another replica applied within that time.
 */
public class ConferenceCopies<C extends ConferenceCopy> implements CfpEventHandler {

    /**
     * How long a conference read from the store answers without being read again: with a few hundred conferences
     * busy at once, a second meant a few hundred reads a second in every service; five seconds cut that to a fifth
     * and bound how long another replica acts on a team member who was removed.
     */
    public static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final CrudRepository<C, String> repository;
    private final Supplier<C> newCopy;
    private final LoadingCache<String, Optional<C>> cached;

    /** {@code newCopy}: a copy of a conference not defined yet (its defaults). */
    protected ConferenceCopies(CrudRepository<C, String> repository, Supplier<C> newCopy) {
        this.repository = repository;
        this.newCopy = newCopy;
        this.cached = Caffeine.newBuilder().expireAfterWrite(FRESH_FOR).maximumSize(10_000)
                .build(repository::findById);
    }

    /** The conference's copy as read at most {@link #FRESH_FOR} ago, if it was defined: to read, not to change. */
    public Optional<C> find(String conferenceId) {
        return conferenceId == null ? Optional.empty() : cached.get(conferenceId);
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.payload() instanceof ConferenceDefined defined) {
            C current = repository.findById(defined.conferenceId()).orElseGet(newCopy);
            if (current.markHandled(event.id())) {
                current.apply(defined);
                repository.save(current);
                cached.invalidate(defined.conferenceId());
            }
        }
    }
}
