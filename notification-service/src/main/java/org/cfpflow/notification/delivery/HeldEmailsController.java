package org.cfpflow.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cfpflow.notification.conference.Conference;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.platform.Problems;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;

/**
 * An organizer sends e-mails held for approval: the ones chosen on the log, or every held one of the conference.
 * Each goes out as any other (PENDING, due now); one no longer held (sent by another organizer meanwhile) is left
 * as it is. A {@code 409} when none of those asked for was held.
 */
@Controller
class HeldEmailsController {

    /** At most this many e-mails by one press: a conference's speakers, with room to spare. */
    static final int MOST = 10_000;

    private final MongoTemplate mongo;
    private final Conferences conferences;
    private final DeliveryWorker worker;
    private final Clock clock;

    HeldEmailsController(MongoTemplate mongo, Conferences conferences, DeliveryWorker worker, Clock clock) {
        this.mongo = mongo;
        this.conferences = conferences;
        this.worker = worker;
        this.clock = clock;
    }

    @PostMapping("/{c}/emails/send")
    String send(@PathVariable("c") String conferenceId, @RequestParam(required = false) List<String> id,
                @RequestParam(required = false) String all, Authentication caller) {
        organized(conferenceId, caller);
        Criteria held = Criteria.where("conferenceId").is(conferenceId).and("status").is(DeliveryStatus.HELD.name());
        if (all == null) {
            if (id == null || id.isEmpty()) {
                throw Problems.conflict("Choose the e-mails to send, or send every held one", Map.of("field", "id"));
            }
            held = held.and("_id").in(id);
        }
        Query query = new Query(held).limit(MOST);
        query.fields().include("_id");
        List<String> ids = mongo.find(query, Notification.class).stream().map(Notification::id).toList();
        if (ids.isEmpty()) {
            throw Problems.conflict("None of these e-mails is held", Map.of("field", "id"));
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(ids).and("status").is(DeliveryStatus.HELD.name())),
                new Update().set("status", DeliveryStatus.PENDING.name()).set("nextAttemptAt", clock.instant())
                        .set("claimedUntil", Instant.EPOCH).inc("version", 1), Notification.class);
        worker.wakeUp(ids);
        return "redirect:/" + conferenceId + "/emails?sent=" + ids.size();
    }

    private Conference organized(String conferenceId, Authentication caller) {
        return conferences.organizedBy(conferenceId, caller);
    }
}
