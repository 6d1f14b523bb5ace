package org.cfpflow.notification.settings;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cfpflow.notification.conference.Conference;
import org.cfpflow.notification.conference.Conferences;
import org.cfpflow.notification.delivery.NotificationKind;
import org.cfpflow.platform.Violations;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A conference's e-mail settings as a page, for its organizers: the kinds of e-mail held for approval. A held
 * e-mail waits on the log as HELD until an organizer sends it; what was already made keeps its status.
 */
@Controller
class MailSettingsController {

    private final Conferences conferences;
    private final MailSettingsStore settings;

    MailSettingsController(Conferences conferences, MailSettingsStore settings) {
        this.conferences = conferences;
        this.settings = settings;
    }

    @GetMapping("/{c}/emails/settings")
    String page(@PathVariable("c") String conferenceId, @RequestParam(required = false) String saved,
                Authentication caller, Model model) {
        Conference conference = organized(conferenceId, caller);
        model.addAttribute("conferenceId", conferenceId);
        model.addAttribute("title", conference.title());
        model.addAttribute("kinds", Arrays.asList(NotificationKind.values()));
        MailSettings current = settings.of(conferenceId);
        model.addAttribute("held", current.held());
        model.addAttribute("worded", Arrays.stream(NotificationKind.values()).filter(k -> current.template(k) != null)
                .toList());
        model.addAttribute("saved", saved != null);
        return "mail-settings";
    }

    @PostMapping("/{c}/emails/settings")
    String save(@PathVariable("c") String conferenceId, @RequestParam(required = false) List<String> hold,
                Authentication caller) {
        organized(conferenceId, caller);
        Set<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        Violations violations = new Violations();
        for (String kind : hold == null ? List.<String>of() : hold) {
            if (violations.check(Arrays.stream(NotificationKind.values()).anyMatch(k -> k.name().equals(kind)), "hold",
                    "must name kinds of e-mail such as ACCEPTED")) {
                kinds.add(NotificationKind.valueOf(kind));
            }
        }
        violations.throwIfAny();
        settings.hold(conferenceId, kinds);
        return "redirect:/" + conferenceId + "/emails/settings?saved";
    }

    private Conference organized(String conferenceId, Authentication caller) {
        return conferences.organizedBy(conferenceId, caller);
    }
}
