package org.cfpflow.submission.proposal;

import java.net.URI;
import java.util.List;

import org.cfpflow.platform.Paging;
import org.cfpflow.submission.conference.ConferencePaths;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class ProposalController {

    static final String EDIT_TOKEN = "X-Edit-Token";

    private final Proposals proposals;

    ProposalController(Proposals proposals) {
        this.proposals = proposals;
    }

    @PostMapping(path = "/conferences/{c}/proposals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProposalView> submit(@PathVariable("c") String conferenceId, @RequestBody ProposalRequest request) {
        SubmittedProposal submitted = proposals.submit(ConferencePaths.checked(conferenceId), request);
        return ResponseEntity.created(URI.create("/api/proposals/" + submitted.proposal().id()))
                .body(ProposalView.of(submitted.proposal(), submitted.editToken()));
    }

    @GetMapping("/proposals/{id}")
    ProposalView get(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                     Authentication caller) {
        return ProposalView.of(proposals.read(id, token, caller));
    }

    @PutMapping(path = "/proposals/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProposalView update(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                        Authentication caller, @RequestBody ProposalRequest request) {
        return ProposalView.of(proposals.update(id, token, caller, request));
    }

    @PostMapping("/proposals/{id}/withdraw")
    ProposalView withdraw(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                          Authentication caller) {
        return ProposalView.of(proposals.withdraw(id, token, caller));
    }

    /** The speakers confirm their accepted talk; a {@code 409} unless it is accepted and still stands. */
    @PostMapping("/proposals/{id}/confirm")
    ProposalView confirm(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                         Authentication caller) {
        return ProposalView.of(proposals.confirm(id, token, caller));
    }

    /** The speakers decline their accepted talk: it leaves the timetable, the waitlist moves up. */
    @PostMapping("/proposals/{id}/decline")
    ProposalView decline(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                         Authentication caller) {
        return ProposalView.of(proposals.decline(id, token, caller));
    }

    /** Every event about the proposal across all topics, in order: its whole history. */
    @GetMapping("/proposals/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id,
                                 @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                                 Authentication caller) {
        return proposals.read(id, token, caller).timeline();
    }

    /** A conference's proposals, oldest first: for its organizers. */
    @GetMapping("/conferences/{c}/proposals")
    PagedModel<ProposalView> list(@PathVariable("c") String conferenceId,
                                  @RequestParam(required = false) String track,
                                  @RequestParam(required = false) ProposalStatus status,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size, Authentication caller) {
        return new PagedModel<>(proposals.list(ConferencePaths.checked(conferenceId), track, status, q,
                Paging.of(page, size, Proposals.OLDEST_FIRST), caller).map(ProposalView::of));
    }
}
