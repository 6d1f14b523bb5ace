package org.cfpflow.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cfpflow.events.NotificationFailed;
import org.cfpflow.events.NotificationSent;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.Text;
import org.cfpflow.messaging.Aggregate;
import org.cfpflow.messaging.EventJson;
import org.cfpflow.notification.mail.ComposedMail;
import org.cfpflow.notification.mail.MailContents;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One e-mail to one recipient about one event: the claim that makes it go out at most once. Its id is derived
 * from (event, kind, recipient), so a redelivered event finds it taken.
 */
@Document("notifications")
// the e-mail log of a conference; what is due (and leased) to send; a proposal's waiting reschedule; redeliveries
@CompoundIndex(name = "conference_created", def = "{'conferenceId': 1, 'createdAt': 1, '_id': 1}")
@CompoundIndex(name = "status_due", def = "{'status': 1, 'nextAttemptAt': 1}")
@CompoundIndex(name = "proposal_recipient", def = "{'proposalId': 1, 'recipient': 1}")
@CompoundIndex(name = "handled_recipient", def = "{'handledEventIds': 1, 'recipient': 1}")
public class Notification extends Aggregate {

    @Id
    private String id;
    private String conferenceId;
    private String proposalId;
    private String recipient;
    private NotificationKind kind;
    private DeliveryStatus status;
    private int attempts;
    private String subject;
    /** Where the e-mail itself is: a document of its own ({@link MailContents}), written once, read to send it. */
    private String mailId;
    /** The e-mail composed for this notification and not stored yet: {@link MailContents#store} writes it. */
    @Transient
    private ComposedMail composed;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant claimedUntil;
    /** Which claim holds the lease: a sender reads back what it claimed by this. */
    private String claim;
    private Instant sentAt;
    private Instant failedAt;
    private String lastError;
    /** For a reschedule e-mail that later moves fold into: the first move, whose previous slot the speaker knows. */
    private String firstMove;

    public static Notification create(String id, String conferenceId, String proposalId, String recipient, NotificationKind kind, ComposedMail mail,
                               Instant now, Instant sendAfter) {
        Notification notification = new Notification();
        notification.id = id;
        notification.conferenceId = conferenceId;
        notification.proposalId = proposalId;
        notification.recipient = recipient;
        notification.kind = kind;
        notification.status = DeliveryStatus.PENDING;
        notification.subject = mail.subject();
        notification.mailId = id;
        notification.composed = mail;
        notification.createdAt = now;
        notification.nextAttemptAt = sendAfter;
        notification.claimedUntil = Instant.EPOCH;
        return notification;
    }

    /** Of a kind its conference holds for approval: it waits until an organizer sends it. */
    public void hold() {
        status = DeliveryStatus.HELD;
    }

    /**
     * A later move of the same talk within the window: the one e-mail will say the final slot. The new text gets an
     * id of its own, so the e-mail the notification names changes only when the notification is written.
     */
    public void replaceMail(String newMailId, ComposedMail newMail) {
        subject = newMail.subject();
        mailId = newMailId;
        composed = newMail;
    }

    public void firstMove(TalkRescheduled move) {
        firstMove = EventJson.write(move);
    }

    public Optional<TalkRescheduled> firstMove() {
        return Optional.ofNullable(firstMove)
                .map(json -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), TalkRescheduled.class));
    }

    void sent(Instant now) {
        attempts++;
        status = DeliveryStatus.SENT;
        sentAt = now;
        lastError = null;
        raise(new NotificationSent(conferenceId, id, proposalId, recipient, kind.name(), attempts, now));
    }

    /** A failed attempt: try again after the back-off, or give up once {@code giveUpAfter} has passed. */
    void failed(String error, Instant now, MailProperties policy) {
        attempts++;
        lastError = error;
        claimedUntil = Instant.EPOCH;
        if (!now.isBefore(createdAt.plus(policy.giveUpAfter()))) {
            status = DeliveryStatus.FAILED;
            failedAt = now;
            raise(new NotificationFailed(conferenceId, id, proposalId, recipient, kind.name(), attempts,
                    Text.clipped(error, NotificationFailed.ERROR_LENGTH), now));
        }
        else {
            Duration wait = policy.backoffAfter(attempts);
            nextAttemptAt = now.plus(wait);
        }
    }

    /** Until when the sender that claimed it may send it; after that, another may. */
    Instant claimedUntil() {
        return claimedUntil;
    }

    public String id() {
        return id;
    }

    public String conferenceId() {
        return conferenceId;
    }

    public String proposalId() {
        return proposalId;
    }

    public String recipient() {
        return recipient;
    }

    public NotificationKind kind() {
        return kind;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public String subject() {
        return subject;
    }

    String mailId() {
        return mailId;
    }

    /** The e-mail composed for this notification and not stored yet, if any. */
    public Optional<ComposedMail> composedMail() {
        return Optional.ofNullable(composed);
    }

    /** The e-mails composed for these notifications and not stored yet, by mail id: what to store before them. */
    public static Map<String, ComposedMail> composedMails(Collection<Notification> notifications) {
        Map<String, ComposedMail> mails = new LinkedHashMap<>();
        notifications.forEach(n -> n.composedMail().ifPresent(mail -> mails.put(n.mailId, mail)));
        return mails;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant failedAt() {
        return failedAt;
    }

    public String lastError() {
        return lastError;
    }
}
