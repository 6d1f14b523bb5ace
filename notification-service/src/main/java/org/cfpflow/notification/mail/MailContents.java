package org.cfpflow.notification.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cfpflow.messaging.NewDocuments;
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
public class MailContents {

    private final MongoTemplate mongo;

    MailContents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes these e-mails by their mail id, before the notifications that name them: a notification never names
     * an e-mail that is not stored. One taken already (its event delivered again) is the same e-mail.
     */
    public void store(Map<String, ComposedMail> byMailId) {
        List<org.bson.Document> composed = new ArrayList<>();
        byMailId.forEach((mailId, mail) -> {
            org.bson.Document document = new org.bson.Document();
            mongo.getConverter().write(new StoredMail(mailId, mail), document);
            composed.add(document);
        });
        NewDocuments.insert(mongo.getCollection(mongo.getCollectionName(StoredMail.class)), composed);
    }

    /** The stored e-mails of these mail ids, by mail id, in one query; an id with no e-mail is left out. */
    public Map<String, ComposedMail> of(Collection<String> mailIds) {
        Map<String, ComposedMail> mails = new HashMap<>();
        if (!mailIds.isEmpty()) {
            mongo.find(new Query(Criteria.where("_id").in(mailIds)), StoredMail.class)
                    .forEach(mail -> mails.put(mail.id(), mail.mail()));
        }
        return mails;
    }

    @Document("mails")
    record StoredMail(@Id String id, ComposedMail mail) {
    }
}
