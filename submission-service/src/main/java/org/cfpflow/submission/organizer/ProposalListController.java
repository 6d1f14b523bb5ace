package org.cfpflow.submission.organizer;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cfpflow.platform.Paging;
import org.cfpflow.platform.Violations;
import org.cfpflow.submission.conference.CallForPapers;
import org.cfpflow.submission.proposal.ProposalStatus;
import org.cfpflow.submission.proposal.ProposalView;
import org.cfpflow.submission.proposal.Proposals;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A conference's proposals for its organizers, as a page (filters, search, sort, {@link #ROWS} a page) and as CSV
 * with the same filters: the organizers' own list, speakers' e-mail addresses included.
 */
@Controller
class ProposalListController {

    static final int ROWS = 50;
    /** Rows of one CSV download at most: a conference's whole call, with room to spare. */
    static final int MOST_CSV_ROWS = 10_000;
    private static final Map<String, Sort> SORTS = Map.of("submitted", Proposals.OLDEST_FIRST, "title",
            Proposals.BY_TITLE, "status", Proposals.BY_STATUS);

    private final Proposals proposals;
    private final CallForPapers callForPapers;

    ProposalListController(Proposals proposals, CallForPapers callForPapers) {
        this.proposals = proposals;
        this.callForPapers = callForPapers;
    }

    @GetMapping("/{c}/proposals")
    String page(@PathVariable("c") String conferenceId, @RequestParam(required = false) String track,
                @RequestParam(required = false) String status, @RequestParam(required = false) String confirmed,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "submitted") String sort,
                @RequestParam(defaultValue = "0") int page, Authentication caller, Model model) {
        Proposals.Filter filter = filter(track, status, confirmed, q, sort);
        Page<ProposalView> found = proposals.list(conferenceId, filter, Paging.of(page, ROWS, SORTS.get(sort)), caller)
                .map(ProposalView::of);
        model.addAttribute("conference", callForPapers.existing(conferenceId));
        model.addAttribute("statuses", Arrays.stream(ProposalStatus.values()).map(Enum::name).toList());
        model.addAttribute("track", blankToNull(track));
        model.addAttribute("status", blankToNull(status));
        model.addAttribute("confirmed", blankToNull(confirmed));
        model.addAttribute("q", blankToNull(q));
        model.addAttribute("sort", sort);
        model.addAttribute("page", page);
        model.addAttribute("proposals", found);
        return "proposals";
    }

    @GetMapping("/{c}/proposals.csv")
    ResponseEntity<String> csv(@PathVariable("c") String conferenceId, @RequestParam(required = false) String track,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) String confirmed, @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "submitted") String sort, Authentication caller) {
        Proposals.Filter filter = filter(track, status, confirmed, q, sort);
        List<ProposalView> rows = proposals.list(conferenceId, filter,
                org.springframework.data.domain.PageRequest.of(0, MOST_CSV_ROWS, SORTS.get(sort)), caller)
                .map(ProposalView::of).getContent();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(conferenceId + "-proposals.csv").build().toString())
                .body(csv(rows));
    }

    /** RFC 4180, one row per proposal; a cell a spreadsheet would take for a formula starts with an apostrophe. */
    static String csv(List<ProposalView> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("id", "title", "track",
                "minutes", "status", "confirmed", "speakers", "emails", "submitted", "slot").get())) {
            for (ProposalView p : rows) {
                printer.printRecord(p.id(), inert(p.title()), p.track(), p.durationMinutes(), p.status(), p.confirmed(),
                        inert(p.speakers().stream().map(s -> s.name()).collect(Collectors.joining("; "))),
                        inert(p.speakers().stream().map(s -> s.email()).collect(Collectors.joining("; "))),
                        p.submittedAt(), p.slot() == null ? "" : p.slot().startLocal() + " " + inert(p.slot().room()));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String inert(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static Proposals.Filter filter(String track, String status, String confirmed, String q, String sort) {
        Violations violations = new Violations();
        violations.check(status == null || status.isBlank()
                || Arrays.stream(ProposalStatus.values()).anyMatch(s -> s.name().equals(status)), "status",
                "must be one of " + Arrays.toString(ProposalStatus.values()));
        violations.check(confirmed == null || confirmed.isBlank() || confirmed.equals("yes") || confirmed.equals("no"),
                "confirmed", "must be yes or no");
        violations.check(SORTS.containsKey(sort), "sort", "must be submitted, title or status");
        violations.check(q == null || q.length() <= 200, "q", "must be at most 200 characters");
        violations.throwIfAny();
        return new Proposals.Filter(blankToNull(track), status == null || status.isBlank() ? null
                : ProposalStatus.valueOf(status), confirmed == null || confirmed.isBlank() ? null
                : confirmed.equals("yes"), blankToNull(q));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
