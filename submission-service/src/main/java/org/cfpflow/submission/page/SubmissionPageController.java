package org.cfpflow.submission.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;
import org.cfpflow.submission.conference.CallForPapers;
import org.cfpflow.submission.conference.Conference;
import org.cfpflow.submission.proposal.Proposal;
import org.cfpflow.submission.proposal.Proposals;
import org.cfpflow.submission.proposal.SubmittedProposal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The call and a submission form that work without JavaScript; the speaker's page behind the edit link. */
@Controller
class SubmissionPageController {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm zzz",
            Locale.ENGLISH);

    private final CallForPapers callForPapers;
    private final Proposals proposals;

    SubmissionPageController(CallForPapers callForPapers, Proposals proposals) {
        this.callForPapers = callForPapers;
        this.proposals = proposals;
    }

    /** Every call: open ones first. */
    @GetMapping("/")
    String calls(Model model) {
        Instant now = Instant.now();
        model.addAttribute("calls", callForPapers.all().stream().map(c -> CallSummary.of(c, now)).toList());
        return "calls";
    }

    @GetMapping("/{conferenceId}/")
    String call(@PathVariable String conferenceId, Model model) {
        model.addAttribute("form", new SubmissionForm());
        return callPage(callForPapers.existing(conferenceId), model);
    }

    @PostMapping("/{conferenceId}/")
    String submit(@PathVariable String conferenceId, @ModelAttribute("form") SubmissionForm form, Model model,
                  HttpServletResponse response) {
        Conference conference = callForPapers.existing(conferenceId);
        try {
            SubmittedProposal submitted = proposals.submit(conference.conferenceId(), form.toRequest());
            model.addAttribute("proposal", submitted.proposal());
            model.addAttribute("editUrl", submitted.editUrl());
            response.setStatus(HttpStatus.CREATED.value());
            return "submitted";
        }
        catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.violations());
        }
        catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("errors", List.of(new FieldViolation("", e.getBody().getDetail())));
        }
        return callPage(conference, model);
    }

    /**
     * With {@code ?token=} (the link in the receipt e-mail): checks the token, keeps it in a cookie for this proposal's
     * pages only, and answers a page that moves on to the clean address at once. The refresh replaces the history
     * entry, and, being a navigation of this site, carries the SameSite=Strict cookie (a redirect from a link in
     * a webmail would not). Without: the proposal, opened by the cookie or as an organizer.
     */
    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable String id, @RequestParam(required = false) String token,
                    @RequestParam(required = false) String then,
                    @CookieValue(name = EditCookie.NAME, required = false) String cookie, Authentication caller,
                    Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (token != null) {
            Proposal proposal = proposals.read(id, token, caller);
            response.addHeader(HttpHeaders.SET_COOKIE, EditCookie.holding(proposal.id(), token, request.isSecure()));
            // the acceptance e-mail's confirm and decline links land on the button they name; a GET changes nothing
            model.addAttribute("next", "/proposals/" + proposal.id()
                    + ("confirm".equals(then) || "decline".equals(then) ? "#" + then : ""));
            return "opening";
        }
        model.addAttribute("proposal", proposals.read(id, cookie, caller));
        return "proposal";
    }

    /** The proposal page's buttons: withdraw it, or confirm or decline it once accepted. */
    @PostMapping("/proposals/{id}/{action:withdraw|confirm|decline}")
    String act(@PathVariable String id, @PathVariable String action,
               @CookieValue(name = EditCookie.NAME, required = false) String cookie, Authentication caller,
               Model model, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("proposal", switch (action) {
            case "confirm" -> proposals.confirm(id, cookie, caller);
            case "decline" -> proposals.decline(id, cookie, caller);
            default -> proposals.withdraw(id, cookie, caller);
        });
        return "proposal";
    }

    private String callPage(Conference conference, Model model) {
        model.addAttribute("conference", conference);
        model.addAttribute("open", conference.isCallOpen(Instant.now()));
        model.addAttribute("opens", deadline(conference, conference.callOpens()));
        model.addAttribute("closes", deadline(conference, conference.callCloses()));
        return "call";
    }

    private static String deadline(Conference conference, Instant instant) {
        return DEADLINE.format(instant.atZone(ZoneId.of(conference.timezone())));
    }

    /** A call in the list: its state in words, in the conference's zone. */
    record CallSummary(String id, String title, String state) {

        static CallSummary of(Conference c, Instant now) {
            String state = c.isCallOpen(now) ? "open until " + deadline(c, c.callCloses())
                    : now.isBefore(c.callOpens()) ? "opens " + deadline(c, c.callOpens()) : "closed";
            return new CallSummary(c.conferenceId(), c.title(), state);
        }
    }
}
