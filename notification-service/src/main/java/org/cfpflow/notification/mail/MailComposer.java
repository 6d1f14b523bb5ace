package org.cfpflow.notification.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cfpflow.events.ScheduleReleased.ReleasedChange;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Talk;
import org.cfpflow.platform.IcsCalendar;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the text and HTML parts of every kind of e-mail from its Thymeleaf templates ({@code templates/mail/}).
 * Every value in them is untrusted text and is escaped by the HTML template mode; subjects lose line breaks.
 */
@Component
public class MailComposer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    public MailComposer() {
        templates.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        templates.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * What one e-mail says: for whom, about which talk, and the details its kind needs (may be null). The edit link
     * is the proposal's page and the speaker's token, sealed: the composed e-mail keeps it sealed.
     */
    public record Letter(String template, String subject, String conference, ZoneId zone, String recipientName,
                         String proposalId, Talk talk, String editUrl, String sealedEditToken, String note, Slot slot,
                         Slot previousSlot, String reason, List<ReleasedChange> changes, String calendarUrl) {

        /** A letter about one talk. */
        public Letter(String template, String subject, String conference, ZoneId zone, String recipientName,
                      String proposalId, Talk talk, String editUrl, String sealedEditToken, String note, Slot slot,
                      Slot previousSlot, String reason) {
            this(template, subject, conference, zone, recipientName, proposalId, talk, editUrl, sealedEditToken, note,
                    slot, previousSlot, reason, List.of(), null);
        }

        /** A letter about what a release changed in the recipient's talks ({@code talk} null). */
        public static Letter ofRelease(String subject, String conference, ZoneId zone, String recipientName,
                                       List<ReleasedChange> changes, String calendarUrl) {
            return new Letter("released", subject, conference, zone, recipientName, changes.get(0).proposalId(), null,
                    null, null, null, null, null, null, List.copyOf(changes), calendarUrl);
        }

        /** The same letter with another reason (a reminder's deadline, say). */
        public Letter withReason(String newReason) {
            return new Letter(template, subject, conference, zone, recipientName, proposalId, talk, editUrl,
                    sealedEditToken, note, slot, previousSlot, newReason, changes, calendarUrl);
        }

        /** The same letter with a link to the recipient's own calendar of their talks. */
        public Letter withCalendar(String url) {
            return new Letter(template, subject, conference, zone, recipientName, proposalId, talk, editUrl,
                    sealedEditToken, note, slot, previousSlot, reason, changes, url);
        }
    }

    /** A release's change as a speaker reads it. */
    public record ChangeText(String kind, String title, SlotText slot, SlotText previousSlot) {
    }

    public ComposedMail compose(Letter letter) {
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("conference", letter.conference());
        context.setVariable("name", letter.recipientName());
        context.setVariable("talk", letter.talk());
        context.setVariable("changes", letter.changes().stream().map(c -> new ChangeText(
                c.kind().name().toLowerCase(Locale.ROOT), c.title(),
                c.slot() == null ? null : SlotText.of(c.slot(), letter.zone()),
                c.previousSlot() == null ? null : SlotText.of(c.previousSlot(), letter.zone()))).toList());
        context.setVariable("calendarUrl", letter.calendarUrl());
        String editUrl = letter.editUrl() == null || letter.sealedEditToken() == null ? null
                : letter.editUrl() + "?token=" + ComposedMail.EDIT_TOKEN;
        context.setVariable("editUrl", editUrl);
        // pages with the button to press: following a link changes nothing (mail scanners follow them)
        context.setVariable("confirmUrl", editUrl == null ? null : editUrl + "&then=confirm");
        context.setVariable("declineUrl", editUrl == null ? null : editUrl + "&then=decline");
        context.setVariable("note", letter.note());
        context.setVariable("reason", letter.reason());
        context.setVariable("slot", letter.slot() == null ? null : SlotText.of(letter.slot(), letter.zone()));
        context.setVariable("previousSlot", letter.previousSlot() == null ? null
                : SlotText.of(letter.previousSlot(), letter.zone()));
        List<ComposedMail.Attachment> attachments = new ArrayList<>();
        if (letter.slot() != null) {
            attachments.add(new ComposedMail.Attachment("talk.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                    calendar(letter)));
        }
        if (letter.changes().stream().anyMatch(c -> c.slot() != null)) {
            attachments.add(new ComposedMail.Attachment("talks.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                    releaseCalendar(letter)));
        }
        return new ComposedMail(subjectLine("[" + letter.conference() + "] " + letter.subject()),
                templates.process(letter.template() + ".txt", context),
                templates.process(letter.template() + ".html", context), attachments,
                letter.editUrl() == null ? null : letter.sealedEditToken());
    }

    /** The {@code .ics} attached to scheduled and rescheduled e-mails: one event, the same UID on every move. */
    private static String calendar(Letter letter) {
        Talk talk = letter.talk();
        Slot slot = letter.slot();
        return IcsCalendar.write("notification", letter.zone(), List.of(new IcsCalendar.Event(letter.proposalId(),
                talk.title(), slot.start(), slot.end(), slot.room(),
                letter.conference() + ": " + (talk.abstractText() == null ? "" : talk.abstractText()), null, null)));
    }

    /** The {@code .ics} of a release's letter: the recipient's added and moved talks, each by its usual UID. */
    private static String releaseCalendar(Letter letter) {
        return IcsCalendar.write("notification", letter.zone(), letter.changes().stream().filter(c -> c.slot() != null)
                .map(c -> new IcsCalendar.Event(c.proposalId(), c.title(), c.slot().start(), c.slot().end(),
                        c.slot().room(), letter.conference() + ": " + c.title(), null, null)).toList());
    }

    /** Header-safe: no CR, LF or other control characters, and of a length mail clients show. */
    static String subjectLine(String subject) {
        String oneLine = subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 199) + "…" : oneLine;
    }

    /** A slot as a speaker reads it: in the conference's time zone. */
    public record SlotText(String room, String day, String start, String end, String zone) {

        static SlotText of(Slot slot, ZoneId zone) {
            return new SlotText(slot.room(), DAY.format(slot.startLocal()), TIME.format(slot.startLocal()),
                    TIME.format(slot.endLocal()), zone.getId());
        }
    }
}
