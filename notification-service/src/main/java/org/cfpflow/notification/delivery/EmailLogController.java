package org.cfpflow.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.cfpflow.notification.conference.Conference;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.notification.mail.ComposedMail;
import org.cfpflow.notification.mail.MailContents;
import org.cfpflow.platform.BarChart;
import org.cfpflow.platform.Paging;
import org.cfpflow.platform.Problems;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A conference's e-mails as pages, for its organizers: the log (newest first, by status and kind), each message's
 * full text and HTML as composed (the speaker's edit token stays sealed: its place is marked), and sending a failed
 * one again.
 */
@Controller
class EmailLogController {

    static final int ROWS = 50;

    private final MongoTemplate mongo;
    private final Conferences conferences;
    private final MailContents contents;
    private final DeliveryWorker worker;
    private final Clock clock;

    EmailLogController(MongoTemplate mongo, Conferences conferences, MailContents contents, DeliveryWorker worker,
                       Clock clock) {
        this.mongo = mongo;
        this.conferences = conferences;
        this.contents = contents;
        this.worker = worker;
        this.clock = clock;
    }

    @GetMapping("/{c}/emails")
    String log(@PathVariable("c") String conferenceId, @RequestParam(required = false) DeliveryStatus status,
               @RequestParam(required = false) NotificationKind kind, @RequestParam(defaultValue = "0") int page,
               @RequestParam(required = false) Integer sent, Authentication caller, Model model) {
        Conference conference = organized(conferenceId, caller);
        PageRequest pageable = Paging.of(page, ROWS, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")));
        Query query = new Query(Criteria.where("conferenceId").is(conferenceId));
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status.name()));
        }
        if (kind != null) {
            query.addCriteria(Criteria.where("kind").is(kind.name()));
        }
        long total = mongo.count(query, Notification.class);
        List<Notification> content = mongo.find(query.with(pageable), Notification.class);
        model.addAttribute("conferenceId", conferenceId);
        model.addAttribute("title", conference.title());
        model.addAttribute("sent", sent);
        model.addAttribute("held", mongo.count(new Query(Criteria.where("conferenceId").is(conferenceId)
                .and("status").is(DeliveryStatus.HELD.name())), Notification.class));
        model.addAttribute("status", status);
        model.addAttribute("kind", kind);
        model.addAttribute("statuses", DeliveryStatus.values());
        model.addAttribute("kinds", NotificationKind.values());
        model.addAttribute("page", page);
        model.addAttribute("emails", new PageImpl<>(content, pageable, total));
        List<BarChart.Bar> byStatus = new java.util.ArrayList<>();
        for (DeliveryStatus each : DeliveryStatus.values()) {
            byStatus.add(new BarChart.Bar(each.name().toLowerCase(java.util.Locale.ROOT), mongo.count(new Query(
                    Criteria.where("conferenceId").is(conferenceId).and("status").is(each.name())), Notification.class)));
        }
        BarChart chart = new BarChart("E-mails by status (pending: waiting to be sent or to be tried again)", byStatus);
        model.addAttribute("chart", chart.asRows());
        return "emails";
    }

    /** One e-mail; by a query parameter, as an e-mail's id holds slashes (event, kind, recipient). */
    @GetMapping("/{c}/email")
    String message(@PathVariable("c") String conferenceId, @RequestParam String id, Authentication caller,
                   Model model) {
        Conference conference = organized(conferenceId, caller);
        Notification notification = notification(conferenceId, id);
        ComposedMail mail = contents.of(List.of(notification.mailId())).get(notification.mailId());
        model.addAttribute("conferenceId", conferenceId);
        model.addAttribute("title", conference.title());
        model.addAttribute("email", notification);
        model.addAttribute("text", mail == null ? null : marked(mail.text()));
        model.addAttribute("html", mail == null ? null : marked(mail.html()));
        model.addAttribute("attachments", mail == null ? List.of() : mail.attachments());
        return "email";
    }

    /**
     * A failed e-mail goes out again: due now, its attempts counted afresh; one more try, as it is past the time its
     * retries had (it fails again at once if the server still refuses). A {@code 409} unless it failed.
     */
    @PostMapping("/{c}/email/resend")
    String resend(@PathVariable("c") String conferenceId, @RequestParam String id, Authentication caller) {
        organized(conferenceId, caller);
        notification(conferenceId, id);
        boolean again = mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("conferenceId").is(conferenceId)
                        .and("status").is(DeliveryStatus.FAILED.name())),
                new Update().set("status", DeliveryStatus.PENDING.name()).set("attempts", 0)
                        .set("nextAttemptAt", clock.instant()).set("claimedUntil", Instant.EPOCH).unset("failedAt")
                        .inc("version", 1),
                Notification.class).getModifiedCount() == 1;
        if (!again) {
            throw Problems.conflict("Only a failed e-mail can be sent again", Map.of("field", "status"));
        }
        worker.wakeUp(List.of(id));
        return "redirect:/" + conferenceId + "/email?id=" + java.net.URLEncoder.encode(id,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private Conference organized(String conferenceId, Authentication caller) {
        return conferences.organizedBy(conferenceId, caller);
    }

    private Notification notification(String conferenceId, String id) {
        Notification notification = mongo.findById(id, Notification.class);
        if (notification == null || !conferenceId.equals(notification.conferenceId())) {
            throw Problems.notFound("No e-mail " + id + " of " + conferenceId);
        }
        return notification;
    }

    /** The composed text with the sealed edit token's place marked: the token is opened only as the mail is sent. */
    private static String marked(String text) {
        return text == null ? null : text.replace(ComposedMail.EDIT_TOKEN, "[the speaker's edit token]");
    }
}
