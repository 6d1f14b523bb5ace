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

    /**
     * The letter in an organizer's own wording ({@code custom}), or in the default one where there is none. The
     * HTML part is the text's paragraphs, escaped; the attachments are the default's.
     */
    public ComposedMail compose(Letter letter, org.cfpflow.notification.settings.MailTemplate custom) {
        if (custom == null) {
            return compose(letter);
        }
        java.util.Map<String, String> values = values(letter);
        String text = org.cfpflow.notification.settings.MailTemplate.render(custom.body(), values);
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("conference", letter.conference());
        context.setVariable("paragraphs", List.of(text.strip().split("\\R\\s*\\R")));
        return new ComposedMail(subjectLine("[" + letter.conference() + "] "
                + org.cfpflow.notification.settings.MailTemplate.render(custom.subject(), values)),
                text, templates.process("custom.html", context), attachments(letter),
                letter.editUrl() == null ? null : letter.sealedEditToken());
    }

    /** Each placeholder's value for this letter; none where it has none. */
    private static java.util.Map<String, String> values(Letter letter) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        values.put("name", letter.recipientName());
        values.put("conference", letter.conference());
        Talk talk = letter.talk();
        if (talk != null) {
            values.put("title", talk.title());
            values.put("track", talk.track());
            values.put("minutes", String.valueOf(talk.durationMinutes()));
        }
        else if (!letter.changes().isEmpty()) {
            values.put("title", letter.changes().get(0).title());
        }
        values.put("slot", letter.slot() == null ? null : SlotText.of(letter.slot(), letter.zone()).sentence());
        values.put("previousSlot", letter.previousSlot() == null ? null
                : SlotText.of(letter.previousSlot(), letter.zone()).sentence());
        values.put("note", letter.note());
        values.put("reason", letter.reason());
        String editUrl = letter.editUrl() == null || letter.sealedEditToken() == null ? null
                : letter.editUrl() + "?token=" + ComposedMail.EDIT_TOKEN;
        values.put("editUrl", editUrl);
        values.put("confirmUrl", editUrl == null ? null : editUrl + "&then=confirm");
        values.put("declineUrl", editUrl == null ? null : editUrl + "&then=decline");
        values.put("calendarUrl", letter.calendarUrl());
        return values;
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
        return new ComposedMail(subjectLine("[" + letter.conference() + "] " + letter.subject()),
                templates.process(letter.template() + ".txt", context),
                templates.process(letter.template() + ".html", context), attachments(letter),
                letter.editUrl() == null ? null : letter.sealedEditToken());
    }

    /** A scheduled or moved talk's calendar, or a release's: whatever the wording. */
    private static List<ComposedMail.Attachment> attachments(Letter letter) {
        List<ComposedMail.Attachment> attachments = new ArrayList<>();
        if (letter.slot() != null) {
            attachments.add(new ComposedMail.Attachment("talk.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                    calendar(letter)));
        }
        if (letter.changes().stream().anyMatch(c -> c.slot() != null)) {
            attachments.add(new ComposedMail.Attachment("talks.ics", "text/calendar; charset=UTF-8; method=PUBLISH",
                    releaseCalendar(letter)));
        }
        return attachments;
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

        /** "Tuesday 10 September 2019, 15:00–15:20 (Europe/Lisbon), Jade". */
        String sentence() {
            return day + ", " + start + "–" + end + " (" + zone + "), " + room;
        }

        static SlotText of(Slot slot, ZoneId zone) {
            return new SlotText(slot.room(), DAY.format(slot.startLocal()), TIME.format(slot.startLocal()),
                    TIME.format(slot.endLocal()), zone.getId());
        }
    }
}
