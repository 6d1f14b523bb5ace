package org.cfpflow.notification.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cfpflow.events.AboutTalk;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.notification.conference.ConferenceDirectory;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.notification.mail.ComposedMail;
import org.cfpflow.notification.mail.MailComposer;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Turns each event into one claimed notification per (event, kind, recipient). The claim is the document's
 * insert: a redelivered event finds its id taken and sends nothing. Moves of one talk within the reschedule window
 * fold into the e-mail still waiting for its window to close.
 */
@Component
class Intake implements CfpEventHandler {

    private final MongoTemplate mongo;
    private final NotificationRepository notifications;
    private final Conferences conferences;
    private final MailComposer composer;
    private final DeliveryWorker worker;
    private final MailProperties properties;
    private final Clock clock;

    Intake(MongoTemplate mongo, NotificationRepository notifications, Conferences conferences, MailComposer composer,
           DeliveryWorker worker, MailProperties properties, Clock clock) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.conferences = conferences;
        this.composer = composer;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedEvent event) {
        CfpEvent payload = event.payload();
        NotificationKind kind = NotificationKind.of(payload).orElse(null);
        if (kind == null || !(payload instanceof AboutTalk about)) {
            return;
        }
        Talk talk = about.talk();
        ConferenceDirectory conference = conferences.current();
        Instant now = clock.instant();
        List<String> created = new ArrayList<>();
        Map<String, Speaker> recipients = new LinkedHashMap<>();
        talk.speakers().forEach(s -> recipients.putIfAbsent(s.email().toLowerCase(Locale.ROOT), s));
        for (Speaker speaker : recipients.values()) {
            // other kinds are claimed by their id; a move may have been folded into another's e-mail
            if (kind == NotificationKind.RESCHEDULED && alreadyHandled(event.id(), speaker.email())) {
                continue;
            }
            if (payload instanceof TalkRescheduled move && foldIntoWaitingReschedule(event.id(), move, speaker,
                    conference, now)) {
                continue;
            }
            ComposedMail mail = composer.compose(letter(kind, payload, talk, speaker, conference, null));
            Instant sendAfter = kind == NotificationKind.RESCHEDULED ? now.plus(properties.rescheduleWindow()) : now;
            Notification notification = Notification.create(event.id() + "/" + kind + "/" + speaker.email(),
                    payload.subject(), speaker.email(), kind, mail, now, sendAfter);
            notification.markHandled(event.id());
            if (payload instanceof TalkRescheduled move) {
                notification.firstMove(move);
            }
            try {
                mongo.insert(notification);
                created.add(notification.id());
                if (sendAfter.isAfter(now)) {
                    worker.dueAt(sendAfter);
                }
            }
            catch (DuplicateKeyException claimedBefore) {
                // redelivered: the first delivery claimed it
            }
        }
        worker.wakeUp(created);
    }

    private boolean alreadyHandled(String eventId, String recipient) {
        return mongo.exists(new Query(Criteria.where("handledEventIds").is(eventId).and("recipient").is(recipient)),
                Notification.class);
    }

    private boolean foldIntoWaitingReschedule(String eventId, TalkRescheduled move, Speaker speaker,
                                              ConferenceDirectory conference, Instant now) {
        Notification waiting = mongo.findOne(new Query(Criteria.where("proposalId").is(move.subject())
                .and("recipient").is(speaker.email()).and("kind").is(NotificationKind.RESCHEDULED.name())
                .and("status").is(DeliveryStatus.PENDING.name()).and("attempts").is(0)
                .and("nextAttemptAt").gt(now)), Notification.class);
        if (waiting == null) {
            return false;
        }
        if (waiting.markHandled(eventId)) {
            // the speaker last heard of the slot before the first move, so the e-mail says "moved from" that one
            Slot known = waiting.firstMove().map(TalkRescheduled::previousSlot).orElse(move.previousSlot());
            waiting.replaceMail(composer.compose(letter(NotificationKind.RESCHEDULED, move, move.talk(), speaker,
                    conference, known)));
            // a concurrent claim by the sender fails this save; the record is then retried and starts a new e-mail
            notifications.save(waiting);
        }
        return true;
    }

    private static MailComposer.Letter letter(NotificationKind kind, CfpEvent payload, Talk talk, Speaker speaker,
                                              ConferenceDirectory conference, Slot knownSlot) {
        String editUrl = payload instanceof ProposalSubmitted submitted ? submitted.editUrl() : null;
        String note = payload instanceof ProposalAccepted accepted ? accepted.note()
                : payload instanceof ProposalRejected rejected ? rejected.note() : null;
        Slot slot = payload instanceof TalkScheduled scheduled ? scheduled.slot()
                : payload instanceof TalkRescheduled rescheduled ? rescheduled.slot() : null;
        Slot previous = knownSlot != null ? knownSlot
                : payload instanceof TalkRescheduled rescheduled ? rescheduled.previousSlot()
                : payload instanceof TalkUnscheduled unscheduled ? unscheduled.previousSlot() : null;
        String reason = payload instanceof TalkUnscheduled unscheduled ? unscheduled.reason()
                : payload instanceof TalkWaitlisted waitlisted ? waitlisted.reason() : null;
        return new MailComposer.Letter(kind.template(), subject(kind, talk.title()), conference.title(),
                conference.zone(), speaker.name(), payload.subject(), talk, editUrl, note, slot, previous, reason);
    }

    private static String subject(NotificationKind kind, String title) {
        String quoted = "“" + title + "”";
        return switch (kind) {
            case SUBMITTED -> "We received your proposal " + quoted;
            case UPDATED -> "Your proposal " + quoted + " was updated";
            case WITHDRAWN -> "Your proposal " + quoted + " was withdrawn";
            case ACCEPTED -> "Accepted: " + quoted;
            case REJECTED -> "About your proposal " + quoted;
            case SCHEDULED -> "Your talk " + quoted + " is scheduled";
            case RESCHEDULED -> "Your talk " + quoted + " has moved";
            case UNSCHEDULED -> "Your talk " + quoted + " has no slot for now";
            case WAITLISTED -> "Your talk " + quoted + " is on the waitlist";
        };
    }
}
