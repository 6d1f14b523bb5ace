package org.cfpflow.notification.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cfpflow.events.AboutTalk;
import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.Confirmation;
import org.cfpflow.events.ProposalAccepted;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.ProposalDeclined;
import org.cfpflow.events.ProposalRejected;
import org.cfpflow.events.ProposalSubmitted;
import org.cfpflow.events.ProposalWithdrawn;
import org.cfpflow.events.ScheduleReleased;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;
import org.cfpflow.messaging.Aggregates;
import org.cfpflow.messaging.CfpEventHandler;
import org.cfpflow.messaging.ReceivedEvent;
import org.cfpflow.notification.conference.Conference;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.notification.delivery.DeliveryStatus;
import org.cfpflow.notification.delivery.DeliveryWorker;
import org.cfpflow.notification.delivery.MailProperties;
import org.cfpflow.notification.delivery.Notification;
import org.cfpflow.notification.delivery.NotificationKind;
import org.cfpflow.notification.delivery.NotificationRepository;
import org.cfpflow.notification.mail.ComposedMail;
import org.cfpflow.notification.mail.MailComposer;
import org.cfpflow.notification.settings.MailSettingsStore;
import org.cfpflow.notification.mail.MailContents;
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
class Notifications implements CfpEventHandler {

    private static final java.time.format.DateTimeFormatter DEADLINE = java.time.format.DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy, HH:mm z", java.util.Locale.ENGLISH);

    private final MongoTemplate mongo;
    private final Aggregates aggregates;
    private final NotificationRepository notifications;
    private final Conferences conferences;
    private final EditLinks editLinks;
    private final Reminders reminders;
    private final SpeakerCalendars calendars;
    private final MailComposer composer;
    private final MailContents contents;
    private final DeliveryWorker worker;
    private final MailProperties properties;
    private final Clock clock;

    private final MailSettingsStore settings;

    Notifications(MongoTemplate mongo, Aggregates aggregates, NotificationRepository notifications, Conferences conferences,
           EditLinks editLinks, Reminders reminders, SpeakerCalendars calendars, MailComposer composer, MailContents contents, DeliveryWorker worker, MailProperties properties,
           MailSettingsStore settings, Clock clock) {
        this.settings = settings;
        this.mongo = mongo;
        this.aggregates = aggregates;
        this.notifications = notifications;
        this.conferences = conferences;
        this.editLinks = editLinks;
        this.reminders = reminders;
        this.calendars = calendars;
        this.composer = composer;
        this.contents = contents;
        this.worker = worker;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void handle(ReceivedEvent event) {
        handleAll(List.of(event));
    }

    /**
     * The e-mails of a poll's events are claimed in one insert. A move may fold into an e-mail claimed earlier in
     * the same poll, so the claims before it are inserted first and moves are taken one at a time.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        Instant now = clock.instant();
        // before the e-mails that may need them: an acceptance can be in the same poll as the submission
        editLinks.keep(events.stream().map(ReceivedEvent::payload).filter(ProposalSubmitted.class::isInstance)
                .map(ProposalSubmitted.class::cast).toList());
        // speakers who answered (or whose talk is out) get no reminder: those waiting go, none is made later
        List<String> answered = events.stream().map(ReceivedEvent::payload).filter(Notifications::endsTheWait)
                .map(CfpEvent::subject).distinct().toList();
        editLinks.answered(answered, now);
        reminders.cancel(answered);
        List<Notification> claims = new ArrayList<>();
        for (ReceivedEvent event : events) {
            // a conference not heard of yet is named "the conference", in UTC
            Conference conference = conferences.find(event.payload().conferenceId()).orElseGet(Conference::new);
            if (conference.publishesReleases() && isAPlacement(event.payload())) {
                // its speakers hear of the working timetable's changes when a release publishes them
                continue;
            }
            if (event.payload() instanceof ScheduleReleased released) {
                claims.addAll(released(event, released, conference, now));
            }
            else if (event.payload() instanceof TalkRescheduled move) {
                claim(claims, now);
                claims.clear();
                claim(moved(event, move, conference, now), now);
            }
            else {
                claims.addAll(notifications(event, conference, now));
            }
        }
        claim(claims, now);
    }

    /** One e-mail per speaker (by address) for an event that speakers hear about; none for other events. */
    private List<Notification> notifications(ReceivedEvent event, Conference conference, Instant now) {
        CfpEvent payload = event.payload();
        NotificationKind kind = NotificationKind.of(payload).orElse(null);
        if (kind == null || !(payload instanceof AboutTalk about)) {
            return List.of();
        }
        // the acceptance asks the speakers to confirm or decline: with the links their receipt had
        EditLinks.EditLink link = kind == NotificationKind.ACCEPTED ? editLinks.of(about.proposalId()).orElse(null)
                : null;
        List<Notification> notifications = new ArrayList<>();
        for (Speaker speaker : recipients(about.talk())) {
            MailComposer.Letter letter = letter(kind, payload, about.talk(), speaker, conference, null, link);
            if (kind == NotificationKind.SCHEDULED) {
                letter = letter.withCalendar(calendars.urlOf(payload.conferenceId(), speaker.email()));
            }
            notifications.add(notification(event, kind, speaker, letter, now, now));
        }
        if (payload instanceof ProposalAccepted accepted && (link == null || link.answeredAt() == null)) {
            conference.confirmation().ifPresent(confirmation -> notifications.addAll(reminders(event, accepted,
                    confirmation, conference, link, now)));
        }
        return notifications;
    }

    /**
     * The two reminders to confirm, each speaker's, due {@code remindAfter} and twice that after the acceptance; the
     * second names the deadline. Deleted when the speakers answer first ({@link Reminders#cancel}).
     */
    private List<Notification> reminders(ReceivedEvent event, ProposalAccepted accepted, Confirmation confirmation,
                                         Conference conference, EditLinks.EditLink link, Instant now) {
        List<Notification> reminders = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            String deadline = n == 2 ? "If we have not heard from you by "
                    + DEADLINE.format(confirmation.deadline(accepted.acceptedAt()).atZone(conference.zone()))
                    + (confirmation.releaseUnconfirmed() ? ", its slot goes to a talk on the waitlist."
                    : ", its slot may go to a talk on the waitlist.") : null;
            for (Speaker speaker : recipients(accepted.talk())) {
                MailComposer.Letter letter = letter(NotificationKind.CONFIRM_REMINDER, accepted, accepted.talk(),
                        speaker, conference, null, link);
                Notification reminder = Notification.create(event.id() + "/" + NotificationKind.CONFIRM_REMINDER
                        + "-" + n + "/" + speaker.email(), accepted.conferenceId(), accepted.proposalId(),
                        speaker.email(), NotificationKind.CONFIRM_REMINDER, compose(accepted.conferenceId(), NotificationKind.CONFIRM_REMINDER,
                                letter.withReason(deadline)),
                        now, confirmation.reminder(accepted.acceptedAt(), n));
                reminder.markHandled(event.id());
                reminders.add(reminder);
            }
        }
        return reminders;
    }

    private static boolean isAPlacement(CfpEvent payload) {
        return payload instanceof TalkScheduled || payload instanceof TalkRescheduled
                || payload instanceof TalkUnscheduled || payload instanceof TalkWaitlisted;
    }

    /** One e-mail per speaker (by address) whose talks the release changed, with all of their changes. */
    private List<Notification> released(ReceivedEvent event, ScheduleReleased released, Conference conference,
                                        Instant now) {
        Map<String, List<ScheduleReleased.ReleasedChange>> bySpeaker = new LinkedHashMap<>();
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        for (ScheduleReleased.ReleasedChange change : released.changes()) {
            for (Speaker speaker : change.speakers()) {
                String address = speaker.email().toLowerCase(Locale.ROOT);
                speakers.putIfAbsent(address, speaker);
                List<ScheduleReleased.ReleasedChange> theirs = bySpeaker.computeIfAbsent(address, a -> new ArrayList<>());
                if (!theirs.contains(change)) {
                    theirs.add(change);
                }
            }
        }
        List<Notification> notifications = new ArrayList<>();
        bySpeaker.forEach((address, changes) -> {
            Speaker speaker = speakers.get(address);
            String subject = "The timetable is out: " + (changes.size() == 1 ? "“" + changes.get(0).title() + "”"
                    : changes.size() + " of your talks");
            MailComposer.Letter letter = MailComposer.Letter.ofRelease(subject, conference.title(), conference.zone(),
                    speaker.name(), changes, calendars.urlOf(released.conferenceId(), speaker.email()));
            Notification notification = Notification.create(event.id() + "/" + NotificationKind.RELEASED + "/"
                    + speaker.email(), released.conferenceId(), changes.get(0).proposalId(), speaker.email(),
                    NotificationKind.RELEASED, compose(released.conferenceId(), NotificationKind.RELEASED, letter), now, now);
            notification.markHandled(event.id());
            notifications.add(notification);
        });
        return notifications;
    }

    /** An event after which no reminder to confirm is wanted: the speakers answered, or the talk is out. */
    private static boolean endsTheWait(CfpEvent payload) {
        return payload instanceof ProposalConfirmed || payload instanceof ProposalDeclined
                || payload instanceof ProposalWithdrawn || payload instanceof ProposalRejected;
    }

    /** A move: folded into the e-mail about an earlier move still waiting for its window, or a new delayed one. */
    private List<Notification> moved(ReceivedEvent event, TalkRescheduled move, Conference conference,
                                     Instant now) {
        List<Notification> notifications = new ArrayList<>();
        for (Speaker speaker : recipients(move.talk())) {
            // a move folded into another's e-mail has no e-mail of its own to find it by
            if (alreadyHandled(event.id(), speaker.email())
                    || foldIntoWaitingReschedule(event.id(), move, speaker, conference, now)) {
                continue;
            }
            Notification notification = notification(event, NotificationKind.RESCHEDULED, speaker,
                    letter(NotificationKind.RESCHEDULED, move, move.talk(), speaker, conference, null, null)
                            .withCalendar(calendars.urlOf(move.conferenceId(), speaker.email())), now,
                    now.plus(properties.rescheduleWindow()));
            notification.firstMove(move);
            notifications.add(notification);
        }
        return notifications;
    }

    private static Iterable<Speaker> recipients(Talk talk) {
        Map<String, Speaker> recipients = new LinkedHashMap<>();
        talk.speakers().forEach(s -> recipients.putIfAbsent(s.email().toLowerCase(Locale.ROOT), s));
        return recipients.values();
    }

    private Notification notification(ReceivedEvent event, NotificationKind kind, Speaker speaker,
                                      MailComposer.Letter letter, Instant now, Instant sendAfter) {
        Notification notification = Notification.create(event.id() + "/" + kind + "/" + speaker.email(),
                event.payload().conferenceId(), event.payload().subject(), speaker.email(), kind,
                compose(event.payload().conferenceId(), kind, letter), now, sendAfter);
        notification.markHandled(event.id());
        return notification;
    }

    /** The letter in the conference's wording of its kind, as it is now: a later change of wording changes no e-mail made. */
    private ComposedMail compose(String conferenceId, NotificationKind kind, MailComposer.Letter letter) {
        return composer.compose(letter, settings.of(conferenceId).template(kind));
    }

    /** Inserts the notifications: one whose id is taken was claimed by an earlier delivery of its event. */
    private void claim(List<Notification> notifications, Instant now) {
        if (notifications.isEmpty()) {
            return;
        }
        for (Notification notification : notifications) {
            if (settings.of(notification.conferenceId()).holds(notification.kind())) {
                notification.hold();
            }
        }
        contents.store(Notification.composedMails(notifications));
        Set<String> created = new HashSet<>(aggregates.insertNew(Notification.class, notifications));
        for (Notification notification : notifications) {
            if (created.contains(notification.id()) && notification.nextAttemptAt().isAfter(now)) {
                worker.dueAt(notification.nextAttemptAt());
            }
        }
        worker.wakeUp(List.copyOf(created));
    }

    private boolean alreadyHandled(String eventId, String recipient) {
        return mongo.exists(new Query(Criteria.where("handledEventIds").is(eventId).and("recipient").is(recipient)),
                Notification.class);
    }

    private boolean foldIntoWaitingReschedule(String eventId, TalkRescheduled move, Speaker speaker,
                                              Conference conference, Instant now) {
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
            waiting.replaceMail(waiting.id() + "/" + eventId, compose(move.conferenceId(), NotificationKind.RESCHEDULED,
                    letter(NotificationKind.RESCHEDULED, move, move.talk(), speaker, conference, known, null)
                            .withCalendar(calendars.urlOf(move.conferenceId(), speaker.email()))));
            contents.store(Notification.composedMails(List.of(waiting)));
            // a concurrent claim by the sender fails this save; the record is then retried and starts a new e-mail
            notifications.save(waiting);
        }
        return true;
    }

    private static MailComposer.Letter letter(NotificationKind kind, CfpEvent payload, Talk talk, Speaker speaker,
                                              Conference conference, Slot knownSlot, EditLinks.EditLink link) {
        String editUrl = payload instanceof ProposalSubmitted submitted ? submitted.editUrl()
                : link != null ? link.page() : null;
        String sealedEditToken = payload instanceof ProposalSubmitted submitted ? submitted.sealedEditToken()
                : link != null ? link.sealedEditToken() : null;
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
                conference.zone(), speaker.name(), payload.subject(), talk, editUrl, sealedEditToken, note, slot, previous,
                reason);
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
            case CONFIRM_REMINDER -> "Please confirm your talk " + quoted;
            case RELEASED -> "The timetable is out: " + quoted;
        };
    }
}
