package org.cfpflow.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The leases on notifications in the store: a sender claims what is due and not leased before it sends it, so that
 * two senders (replicas, or a restarted one) never send the same e-mail at once.
 */
final class Claims {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MailProperties properties;

    Claims(MongoTemplate mongo, Clock clock, MailProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Takes the lease on each that is due and not leased; what another sender holds or is not due is skipped. Two
     * commands for the whole list: the lease is taken with a token of this claim, then what carries it is read.
     */
    List<Notification> claim(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String claim = UUID.randomUUID().toString();
        mongo.updateMulti(new Query(dueAndFree(now).and("_id").in(ids)),
                new Update().set("claimedUntil", now.plus(properties.claimLease())).set("claim", claim)
                        .inc("version", 1),
                Notification.class);
        return mongo.find(new Query(Criteria.where("_id").in(ids).and("claim").is(claim)), Notification.class);
    }

    /** Claims up to {@code limit} of what is due, the longest due first: the search through the whole store. */
    List<Notification> claimDue(int limit) {
        Query due = new Query(dueAndFree(clock.instant())).with(Sort.by("nextAttemptAt")).limit(limit);
        due.fields().include("_id");
        return claim(mongo.find(due, Notification.class).stream().map(Notification::id).toList());
    }

    /** When the leases held now run out (a killed sender's, say): each is due again then. */
    List<Instant> leasesRunningOut() {
        Query leased = new Query(Criteria.where("status").is(DeliveryStatus.PENDING.name())
                .and("claimedUntil").gt(clock.instant()));
        leased.fields().include("claimedUntil");
        return mongo.find(leased, Notification.class).stream().map(Notification::claimedUntil).toList();
    }

    /** Every e-mail waiting for its back-off becomes due now (the SMTP server is back); returns how many. */
    long retriesDueNow() {
        Instant now = clock.instant();
        return mongo.updateMulti(new Query(Criteria.where("status").is(DeliveryStatus.PENDING.name())
                        .and("attempts").gt(0).and("nextAttemptAt").gt(now)),
                new Update().set("nextAttemptAt", now), Notification.class).getModifiedCount();
    }

    private static Criteria dueAndFree(Instant now) {
        return Criteria.where("status").is(DeliveryStatus.PENDING.name()).and("nextAttemptAt").lte(now)
                .and("claimedUntil").lte(now);
    }
}
