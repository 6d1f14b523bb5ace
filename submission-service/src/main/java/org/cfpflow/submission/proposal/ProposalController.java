package org.cfpflow.submission.proposal;

import java.net.URI;
import java.util.List;

import org.cfpflow.platform.Paging;
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
@RequestMapping("/api/proposals")
class ProposalController {

    static final String EDIT_TOKEN = "X-Edit-Token";

    private final Proposals proposals;

    ProposalController(Proposals proposals) {
        this.proposals = proposals;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ProposalView> submit(@RequestBody ProposalRequest request) {
        SubmittedProposal submitted = proposals.submit(request);
        return ResponseEntity.created(URI.create("/api/proposals/" + submitted.proposal().id()))
                .body(ProposalView.of(submitted.proposal(), submitted.editToken()));
    }

    @GetMapping("/{id}")
    ProposalView get(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                     Authentication caller) {
        return ProposalView.of(proposals.read(id, token, caller));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ProposalView update(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                        Authentication caller, @RequestBody ProposalRequest request) {
        return ProposalView.of(proposals.update(id, token, caller, request));
    }

    @PostMapping("/{id}/withdraw")
    ProposalView withdraw(@PathVariable String id, @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                          Authentication caller) {
        return ProposalView.of(proposals.withdraw(id, token, caller));
    }

    /** Every event about the proposal across all topics, in order: its whole history. */
    @GetMapping("/{id}/timeline")
    List<TimelineEntry> timeline(@PathVariable String id,
                                 @RequestHeader(name = EDIT_TOKEN, required = false) String token,
                                 Authentication caller) {
        return proposals.read(id, token, caller).timeline();
    }

    @GetMapping
    PagedModel<ProposalView> list(@RequestParam(required = false) String track,
                                  @RequestParam(required = false) ProposalStatus status,
                                  @RequestParam(defaultValue = "0") int page,
                                  @RequestParam(defaultValue = "20") int size) {
        return new PagedModel<>(proposals.list(track, status, Paging.of(page, size, Proposals.OLDEST_FIRST))
                .map(ProposalView::of));
    }
}
