package org.cfpflow.notification.settings;

import java.util.Set;

import org.cfpflow.messaging.ConferenceCopies;
import org.cfpflow.messaging.OptimisticRetry;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/** The conferences' e-mail settings: read for every e-mail made (cached; another replica's change shows soon). */
@Service
public class MailSettingsStore {

    private final MongoTemplate mongo;
    private final LoadingCache<String, MailSettings> cached;

    MailSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.cached = Caffeine.newBuilder().expireAfterWrite(ConferenceCopies.FRESH_FOR).maximumSize(10_000)
                .build(this::stored);
    }

    public MailSettings of(String conferenceId) {
        return cached.get(conferenceId);
    }

    void hold(String conferenceId, Set<org.cfpflow.notification.delivery.NotificationKind> kinds) {
        OptimisticRetry.retry(() -> {
            MailSettings settings = stored(conferenceId);
            settings.hold(kinds);
            return mongo.save(settings);
        });
        cached.invalidate(conferenceId);
    }

    /** Saves the wording of the kind, or goes back to the default one ({@code template} null). */
    void word(String conferenceId, org.cfpflow.notification.delivery.NotificationKind kind, MailTemplate template) {
        OptimisticRetry.retry(() -> {
            MailSettings settings = stored(conferenceId);
            settings.word(kind, template);
            return mongo.save(settings);
        });
        cached.invalidate(conferenceId);
    }

    private MailSettings stored(String conferenceId) {
        MailSettings settings = mongo.findById(conferenceId, MailSettings.class);
        return settings == null ? MailSettings.of(conferenceId) : settings;
    }
}
