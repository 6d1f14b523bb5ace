package org.cfpflow.notification.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.cfpflow.messaging.NewDocuments;
import org.cfpflow.notification.mail.ComposedMail;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The e-mails themselves (subject, text, HTML, attachments), one document each in {@code mails}, apart from the
 * notifications that send them. The content is written once and read once, when it is sent; a notification is
 * written four times (its insert, its claim, its outcome, the relay's removal of its event) and searched through
 * by every scan for due mail. With the content inside, each of those wrote and read five times as much (a
 * scheduled talk's e-mail is 4.7 of its notification's 5.5 kB).
 */
@Component
class MailContents {

    private final MongoTemplate mongo;

    MailContents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes the e-mails composed for these notifications, before the notifications themselves: a notification
     * never names an e-mail that is not stored. One taken already (its event delivered again) is the same e-mail.
     */
    void store(Collection<Notification> notifications) {
        List<org.bson.Document> composed = new ArrayList<>();
        for (Notification notification : notifications) {
            if (notification.mailId() != null) {
                notification.heldMail().ifPresent(mail -> {
                    org.bson.Document document = new org.bson.Document();
                    mongo.getConverter().write(new StoredMail(notification.mailId(), mail), document);
                    composed.add(document);
                });
            }
        }
        NewDocuments.insert(mongo.getCollection(mongo.getCollectionName(StoredMail.class)), composed);
    }

    /** The stored e-mails of these notifications (those not holding theirs), by mail id, in one query. */
    Map<String, ComposedMail> of(Collection<Notification> notifications) {
        List<String> stored = notifications.stream().filter(n -> n.heldMail().isEmpty()).map(Notification::mailId)
                .filter(Objects::nonNull).toList();
        Map<String, ComposedMail> mails = new HashMap<>();
        if (!stored.isEmpty()) {
            mongo.find(new Query(Criteria.where("_id").in(stored)), StoredMail.class)
                    .forEach(mail -> mails.put(mail.id(), mail.mail()));
        }
        return mails;
    }

    @Document("mails")
    record StoredMail(@Id String id, ComposedMail mail) {
    }
}
