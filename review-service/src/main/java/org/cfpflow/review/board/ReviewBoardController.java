package org.cfpflow.review.board;

import java.util.List;

import org.cfpflow.events.TeamRole;
import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;
import org.cfpflow.platform.Paging;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.review.conference.Conference;
import org.cfpflow.review.conference.Conferences;
import org.cfpflow.review.proposal.ReviewForms;
import org.cfpflow.review.proposal.Reviews;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/** The review board: plain HTML forms, no JavaScript needed. */
@Controller
class ReviewBoardController {

    /** Rows of each list on one page of the board. */
    static final int ROWS = 25;

    private final Reviews reviews;
    private final ReviewForms forms;
    private final Conferences conferences;

    ReviewBoardController(Reviews reviews, ReviewForms forms, Conferences conferences) {
        this.reviews = reviews;
        this.forms = forms;
        this.conferences = conferences;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/board";
    }

    /** The boards of the conferences the caller is in the team of. */
    @GetMapping("/board")
    String boards(Authentication caller, Model model) {
        model.addAttribute("me", caller.getName());
        model.addAttribute("conferences", conferences.of(caller));
        return "boards";
    }

    /**
     * A conference's board, of one track or of every track the caller has, optionally only titles with {@code q}: the
     * caller's progress, then what they have not reviewed yet (oldest first), then the ranking; each a page of
     * {@link #ROWS} ({@code page}, {@code rankingPage}).
     */
    @GetMapping("/{conferenceId}/board")
    String board(@PathVariable String conferenceId, Authentication caller,
                 @RequestParam(required = false) String track, @RequestParam(required = false) String q,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int rankingPage,
                 Model model) {
        model.addAttribute("me", caller.getName());
        Conference conference = conferences.find(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
        model.addAttribute("conference", conference);
        model.addAttribute("organizes", TeamAccess.may(caller, conference.team(), TeamRole.ORGANIZER, null));
        model.addAttribute("track", track);
        model.addAttribute("q", q == null || q.isBlank() ? null : q.strip());
        model.addAttribute("progress", reviews.progress(conferenceId, caller, track));
        model.addAttribute("queue", reviews.queue(conferenceId, caller, track, q,
                Paging.of(page, ROWS, Reviews.OLDEST_FIRST)));
        model.addAttribute("ranking", reviews.ranking(conferenceId, caller, track, q,
                Paging.of(rankingPage, ROWS, Reviews.BEST_FIRST)));
        model.addAttribute("page", page);
        model.addAttribute("rankingPage", rankingPage);
        return "board";
    }

    @GetMapping("/board/proposals/{id}")
    String proposal(@PathVariable String id, Authentication caller, Model model) {
        return proposalPage(id, caller, model);
    }

    @PostMapping("/board/proposals/{id}/review")
    String review(@PathVariable String id, Authentication caller, @RequestParam(required = false) Integer score,
                  @RequestParam(required = false) String comment, Model model, HttpServletResponse response) {
        return act(id, caller, model, response, () -> forms.review(id, caller, score, comment));
    }

    @PostMapping("/board/proposals/{id}/decision")
    String decide(@PathVariable String id, Authentication caller, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        return act(id, caller, model, response, () -> forms.decide(id, caller, decision, note));
    }

    private String act(String id, Authentication caller, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/board/proposals/" + id;
        }
        catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.violations());
        }
        catch (ErrorResponseException e) {
            response.setStatus(e.getStatusCode().value());
            model.addAttribute("errors", List.of(new FieldViolation("", e.getBody().getDetail())));
        }
        return proposalPage(id, caller, model);
    }

    private String proposalPage(String id, Authentication caller, Model model) {
        model.addAttribute("proposal", reviews.proposal(id, caller));
        model.addAttribute("mayDecide", reviews.mayDecide(id, caller));
        return "board-proposal";
    }
}
