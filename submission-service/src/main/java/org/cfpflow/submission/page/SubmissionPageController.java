package org.cfpflow.submission.page;

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
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    @GetMapping("/")
    String call(Model model) {
        model.addAttribute("form", new SubmissionForm());
        return callPage(model);
    }

    @PostMapping("/")
    String submit(@ModelAttribute("form") SubmissionForm form, Model model, HttpServletResponse response) {
        try {
            SubmittedProposal submitted = proposals.submit(form.toRequest());
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
        return callPage(model);
    }

    @GetMapping("/proposals/{id}")
    String proposal(@PathVariable String id, @RequestParam(required = false) String token, Authentication caller,
                    Model model) {
        model.addAttribute("proposal", proposals.read(id, token, caller));
        model.addAttribute("token", token);
        return "proposal";
    }

    @PostMapping("/proposals/{id}/withdraw")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String token, Authentication caller,
                    Model model) {
        Proposal proposal = proposals.withdraw(id, token, caller);
        model.addAttribute("proposal", proposal);
        model.addAttribute("token", token);
        return "proposal";
    }

    private String callPage(Model model) {
        Conference conference = callForPapers.conference().orElse(null);
        model.addAttribute("conference", conference);
        if (conference != null) {
            ZoneId zone = ZoneId.of(conference.timezone());
            model.addAttribute("opens", DEADLINE.format(conference.callOpens().atZone(zone)));
            model.addAttribute("closes", DEADLINE.format(conference.callCloses().atZone(zone)));
        }
        return "call";
    }
}
