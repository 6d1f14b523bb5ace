package org.cfpflow.notification.intake;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.cfpflow.notification.delivery.DeliveryStatus;
import org.cfpflow.notification.delivery.Notification;
import org.cfpflow.notification.delivery.NotificationKind;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reminders to confirm that are still waiting for their time: gone once the speakers have answered. */
@Component
class Reminders {

    private final MongoTemplate mongo;
    private final Clock clock;

    Reminders(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Deletes the waiting reminders of these proposals, and their e-mails: those not yet taken by a sender (one it
     * holds already goes out; its speakers answered a moment too late for it).
     */
    void cancel(Collection<String> proposalIds) {
        if (proposalIds.isEmpty()) {
            return;
        }
        Query waiting = new Query(Criteria.where("proposalId").in(proposalIds)
                .and("kind").is(NotificationKind.CONFIRM_REMINDER.name())
                .and("status").is(DeliveryStatus.PENDING.name()).and("attempts").is(0)
                .and("claimedUntil").lte(clock.instant()));
        // a reminder's e-mail is stored under its own id
        List<String> ids = mongo.findAllAndRemove(waiting, Notification.class).stream().map(Notification::id).toList();
        if (!ids.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(ids)), "mails");
        }
    }
}
