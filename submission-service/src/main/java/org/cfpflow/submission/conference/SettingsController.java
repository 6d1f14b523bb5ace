package org.cfpflow.submission.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cfpflow.events.TeamRole;
import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.platform.Violations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A conference's settings as a page: an admin creates one at {@code /conferences/new}, its organizers (and admins)
 * change it at {@code /{c}/settings}. The form makes the same {@link ConferenceRequest} as the API and is checked by
 * the same rules; what is wrong is shown beside its field and nothing is saved.
 */
@Controller
class SettingsController {

    private final CallForPapers callForPapers;

    SettingsController(CallForPapers callForPapers) {
        this.callForPapers = callForPapers;
    }

    @GetMapping("/conferences/new")
    String blank(Authentication caller, Model model, HttpServletResponse response) {
        mayCreate(caller);
        return page(SettingsForm.blank(), true, Map.of(), model, response);
    }

    @PostMapping("/conferences/new")
    String create(@ModelAttribute("form") SettingsForm form, @RequestParam(required = false) String more,
                  Authentication caller, Model model, HttpServletResponse response) {
        mayCreate(caller);
        if (more != null) {
            return page(form.withBlankRows(1), true, Map.of(), model, response);
        }
        String id = form.getId() == null ? "" : form.getId().strip();
        try {
            ConferencePaths.checked(id);
        }
        catch (InvalidRequestException e) {
            return invalid(form, true, e.violations(), model, response);
        }
        if (callForPapers.conference(id).isPresent()) {
            return invalid(form, true, List.of(new FieldViolation("conferenceId", "is taken by another conference")),
                    model, response);
        }
        return save(id, form, true, caller, model, response);
    }

    @GetMapping("/{c}/settings")
    String settings(@PathVariable("c") String conferenceId, @RequestParam(required = false) String saved,
                    Authentication caller, Model model, HttpServletResponse response) {
        Conference conference = organized(conferenceId, caller);
        model.addAttribute("saved", saved != null);
        return page(SettingsForm.of(conference), false, Map.of(), model, response);
    }

    @PostMapping("/{c}/settings")
    String change(@PathVariable("c") String conferenceId, @ModelAttribute("form") SettingsForm form,
                  @RequestParam(required = false) String more, Authentication caller, Model model,
                  HttpServletResponse response) {
        organized(conferenceId, caller);
        form.setId(conferenceId);
        if (more != null) {
            return page(form.withBlankRows(1), false, Map.of(), model, response);
        }
        return save(conferenceId, form, false, caller, model, response);
    }

    private String save(String conferenceId, SettingsForm form, boolean creating, Authentication caller, Model model,
                        HttpServletResponse response) {
        Violations unreadable = new Violations();
        ConferenceRequest request = form.toRequest(unreadable);
        try {
            unreadable.throwIfAny();
        }
        catch (InvalidRequestException e) {
            // what could not be read, and what the rules say of the rest
            List<FieldViolation> all = new ArrayList<>(e.violations());
            all.addAll(ruleViolations(request).stream()
                    .filter(v -> all.stream().noneMatch(known -> known.field().equals(v.field()))).toList());
            return invalid(form, creating, all, model, response);
        }
        try {
            callForPapers.define(ConferencePaths.checked(conferenceId), request, caller);
        }
        catch (InvalidRequestException e) {
            return invalid(form, creating, e.violations(), model, response);
        }
        return "redirect:/" + conferenceId + "/settings?saved";
    }

    private static List<FieldViolation> ruleViolations(ConferenceRequest request) {
        try {
            request.validate();
            return List.of();
        }
        catch (InvalidRequestException e) {
            return e.violations();
        }
    }

    private String invalid(SettingsForm form, boolean creating, List<FieldViolation> violations,
                           Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(form, creating, form.errorsByInput(violations), model, response);
    }

    private String page(SettingsForm form, boolean creating, Map<String, List<String>> errors, Model model,
                        HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", SettingsForm.ROLES);
        model.addAttribute("publishes", List.of("LIVE", "RELEASES"));
        return "settings";
    }

    private Conference organized(String conferenceId, Authentication caller) {
        Conference conference = callForPapers.existing(ConferencePaths.checked(conferenceId));
        if (!callForPapers.organizes(caller, conference)) {
            throw TeamAccess.forbidden(TeamRole.ORGANIZER, conferenceId, null);
        }
        return conference;
    }

    private static void mayCreate(Authentication caller) {
        if (!TeamAccess.isAdmin(caller)) {
            throw Problems.forbidden("Only an administrator may create a conference");
        }
    }
}
