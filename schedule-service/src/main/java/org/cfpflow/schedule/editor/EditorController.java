package org.cfpflow.schedule.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.InvalidRequestException;
import org.cfpflow.platform.Violations;
import org.cfpflow.schedule.timetable.Block;
import org.cfpflow.schedule.timetable.BlocksRequest;
import org.cfpflow.schedule.timetable.MoveRequest;
import org.cfpflow.schedule.timetable.Timetable;
import org.cfpflow.schedule.timetable.TimetableView;
import org.cfpflow.schedule.timetable.Timetables;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The timetable editor, for a conference's organizers signed in to the pages: its blocks as a form, its working
 * timetable as a grid whose talks are dragged to a new start or room ({@code editor.js}), the waitlist beside it.
 * The grid reads {@code /{c}/timetable.json}, moves with {@code POST /{c}/timetable/talks/{id}} (the page's session
 * and CSRF token; the API's rules and clashes) and follows {@code /{c}/timetable/stream}.
 */
@Controller
class EditorController {

    private final Timetables timetables;

    EditorController(Timetables timetables) {
        this.timetables = timetables;
    }

    @GetMapping("/{c}/timetable")
    String editor(@PathVariable("c") String conferenceId, @RequestParam(required = false) String saved,
                  Authentication caller, Model model, HttpServletResponse response) {
        Timetable timetable = timetables.organized(conferenceId, caller);
        model.addAttribute("saved", saved != null);
        return page(timetable, BlocksForm.of(timetable.blocks()), Map.of(), model, response);
    }

    @PostMapping("/{c}/timetable/blocks")
    String blocks(@PathVariable("c") String conferenceId, @ModelAttribute("form") BlocksForm form,
                  @RequestParam(required = false) String more, Authentication caller, Model model,
                  HttpServletResponse response) {
        Timetable timetable = timetables.organized(conferenceId, caller);
        if (more != null) {
            return page(timetable, form.withBlankRows(), Map.of(), model, response);
        }
        Violations unreadable = new Violations();
        BlocksRequest request = form.toRequest(unreadable);
        List<FieldViolation> violations = new ArrayList<>();
        try {
            unreadable.throwIfAny();
            timetables.replaceBlocks(conferenceId, request, caller);
            return "redirect:/" + conferenceId + "/timetable?saved#blocks";
        }
        catch (InvalidRequestException e) {
            violations.addAll(e.violations());
        }
        if (!unreadable.isEmpty()) {
            // what could not be read, and what the rules say of the rest
            try {
                request.toBlocks(timetable.conference().tracks());
            }
            catch (InvalidRequestException e) {
                e.violations().stream().filter(v -> violations.stream().noneMatch(known -> known.field().equals(v.field())))
                        .forEach(violations::add);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(timetable, form, form.errorsByInput(violations), model, response);
    }

    /** The working timetable with its blocks: what the grid draws. */
    @GetMapping(path = "/{c}/timetable.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    EditorView timetable(@PathVariable("c") String conferenceId, Authentication caller, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Timetable timetable = timetables.organized(conferenceId, caller);
        return new EditorView(TimetableView.of(timetable), timetable.blocks());
    }

    /** A talk dropped on the grid: the move API's request and answer ({@code 409} naming the clash). */
    @PostMapping(path = "/{c}/timetable/talks/{proposalId}", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    EditorView move(@PathVariable("c") String conferenceId, @PathVariable String proposalId,
                    @RequestBody MoveRequest request, Authentication caller) {
        TimetableView moved = timetables.move(conferenceId, proposalId, request, caller);
        return new EditorView(moved, timetables.organized(conferenceId, caller).blocks());
    }

    private String page(Timetable timetable, BlocksForm form, Map<String, List<String>> errors, Model model,
                        HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("conference", timetable.conference());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "editor";
    }

    /** {@code timetable}: as the API gives it; {@code blocks}: where talks may go. */
    record EditorView(TimetableView timetable, List<Block> blocks) {
    }
}
