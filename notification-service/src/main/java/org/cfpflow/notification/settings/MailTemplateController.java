package org.cfpflow.notification.settings;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cfpflow.events.ScheduleReleased;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.notification.conference.Conference;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.notification.delivery.NotificationKind;
import org.cfpflow.notification.mail.MailComposer;
import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;
import org.cfpflow.platform.Violations;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A conference's wording of one kind of e-mail, for its organizers: edited with a preview on an example talk, saved
 * (for the e-mails made from then on: those made before keep their text), or given back to the default. A wording
 * with a placeholder that does not exist is refused, the field named, and nothing is saved.
 */
@Controller
class MailTemplateController {

    private final Conferences conferences;
    private final MailSettingsStore settings;
    private final MailComposer composer;

    MailTemplateController(Conferences conferences, MailSettingsStore settings, MailComposer composer) {
        this.conferences = conferences;
        this.settings = settings;
        this.composer = composer;
    }

    @GetMapping("/{c}/emails/templates/{kind}")
    String page(@PathVariable("c") String conferenceId, @PathVariable NotificationKind kind,
                @RequestParam(required = false) String saved, Authentication caller, Model model) {
        Conference conference = organized(conferenceId, caller);
        MailTemplate current = settings.of(conferenceId).template(kind);
        model.addAttribute("saved", saved);
        return page(conference, kind, current, current, Map.of(), model);
    }

    @PostMapping("/{c}/emails/templates/{kind}")
    String change(@PathVariable("c") String conferenceId, @PathVariable NotificationKind kind,
                  @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
                  @RequestParam(defaultValue = "preview") String action, Authentication caller, Model model,
                  HttpServletResponse response) {
        Conference conference = organized(conferenceId, caller);
        if (action.equals("default")) {
            settings.word(conferenceId, kind, null);
            return "redirect:/" + conferenceId + "/emails/templates/" + kind + "?saved=default";
        }
        MailTemplate edited = new MailTemplate(subject, body == null ? null : body.replace("\r\n", "\n"));
        Violations violations = new Violations();
        edited.validate(violations);
        try {
            violations.throwIfAny();
        }
        catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(conference, kind, edited, null, e.violations().stream().collect(Collectors.groupingBy(
                    FieldViolation::field, Collectors.mapping(FieldViolation::message, Collectors.toList()))), model);
        }
        if (action.equals("save")) {
            settings.word(conferenceId, kind, edited);
            return "redirect:/" + conferenceId + "/emails/templates/" + kind + "?saved=yes";
        }
        return page(conference, kind, edited, edited, Map.of(), model);
    }

    private String page(Conference conference, NotificationKind kind, MailTemplate form, MailTemplate previewed,
                        Map<String, List<String>> errors, Model model) {
        model.addAttribute("conferenceId", conference.conferenceId());
        model.addAttribute("title", conference.title());
        model.addAttribute("kind", kind);
        model.addAttribute("custom", settings.of(conference.conferenceId()).template(kind) != null);
        model.addAttribute("form", form == null ? new MailTemplate("", "") : form);
        model.addAttribute("placeholders", MailTemplate.PLACEHOLDERS);
        model.addAttribute("errors", errors);
        model.addAttribute("sealed", org.cfpflow.notification.mail.ComposedMail.EDIT_TOKEN);
        model.addAttribute("preview", errors.isEmpty() ? composer.compose(example(kind, conference), previewed) : null);
        return "mail-template";
    }

    /** An example talk, its speaker and slot, in the conference's zone: what the preview shows. */
    private static MailComposer.Letter example(NotificationKind kind, Conference conference) {
        ZoneId zone = conference.zone();
        Talk talk = new Talk("An example talk", "Its abstract.", "Its description.",
                "example-track", 20,
                List.of(new Speaker("Ada Example", "ada@example.org", null)));
        LocalDateTime start = LocalDateTime.of(2030, 9, 10, 15, 0);
        Slot slot = new Slot("Room A", start.toLocalDate(), start.atZone(zone).toOffsetDateTime(),
                start.plusMinutes(20).atZone(zone).toOffsetDateTime(), start, start.plusMinutes(20));
        Slot before = new Slot("Room B", start.toLocalDate(), start.minusHours(2).atZone(zone).toOffsetDateTime(),
                start.minusHours(2).plusMinutes(20).atZone(zone).toOffsetDateTime(), start.minusHours(2),
                start.minusHours(2).plusMinutes(20));
        if (kind == NotificationKind.RELEASED) {
            return MailComposer.Letter.ofRelease("The timetable is out: “An example talk”", conference.title(), zone,
                    "Ada Example", List.of(new ScheduleReleased.ReleasedChange("example", ScheduleReleased.Kind.MOVED,
                            talk.title(), talk.track(), talk.speakers(), slot, before)), "https://example.org/calendar.ics");
        }
        return new MailComposer.Letter(kind.template(), "About “An example talk”", conference.title(), zone,
                "Ada Example", "example", talk, "https://example.org/proposals/example", "sealed", "A note from the reviewers.",
                slot, before, "An example reason.").withCalendar("https://example.org/calendar.ics");
    }

    private Conference organized(String conferenceId, Authentication caller) {
        return conferences.organizedBy(conferenceId, caller);
    }

}
