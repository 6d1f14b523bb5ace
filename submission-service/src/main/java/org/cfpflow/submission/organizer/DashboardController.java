package org.cfpflow.submission.organizer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cfpflow.events.TeamRole;
import org.cfpflow.platform.BarChart;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.submission.conference.CallForPapers;
import org.cfpflow.submission.conference.Conference;
import org.cfpflow.submission.proposal.ProposalStatus;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A conference at a glance, for its organizers: submissions per day across the call window, proposals per track, and
 * where they stand (decisions, confirmations), as charts drawn on the server ({@link BarChart}) with their numbers.
 */
@Controller
class DashboardController {

    /** Days of a call drawn one bar each; a longer call is drawn by weeks. */
    static final int MOST_DAYS = 120;

    private final MongoTemplate mongo;
    private final CallForPapers callForPapers;

    DashboardController(MongoTemplate mongo, CallForPapers callForPapers) {
        this.mongo = mongo;
        this.callForPapers = callForPapers;
    }

    @GetMapping("/{c}/dashboard")
    String dashboard(@PathVariable("c") String conferenceId, Authentication caller, Model model) {
        Conference conference = callForPapers.existing(conferenceId);
        if (!callForPapers.organizes(caller, conference)) {
            throw TeamAccess.forbidden(TeamRole.ORGANIZER, conferenceId, null);
        }
        // what the charts need of each proposal, no more: a conference's call fits in memory many times over
        Query query = new Query(Criteria.where("conferenceId").is(conferenceId));
        query.fields().include("submittedAt", "track", "status", "confirmedAt");
        List<org.bson.Document> proposals = mongo.find(query, org.bson.Document.class, "proposals");
        ZoneId zone = ZoneId.of(conference.timezone());

        model.addAttribute("conference", conference);
        model.addAttribute("total", proposals.size());
        BarChart perDay = perDay(conference, zone, proposals);
        int days = perDay.bars().size();
        model.addAttribute("charts", List.of(perDay.asColumns(days > 31 ? 7 : days > 10 ? 3 : 1),
                perTrack(conference, proposals).asRows(), standing(proposals).asRows()));
        return "dashboard";
    }

    private static BarChart perDay(Conference conference, ZoneId zone, List<org.bson.Document> proposals) {
        LocalDate first = conference.callOpens().atZone(zone).toLocalDate();
        LocalDate last = conference.callCloses().atZone(zone).toLocalDate();
        boolean weeks = first.plusDays(MOST_DAYS).isBefore(last);
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(weeks ? 7 : 1)) {
            counts.put(day, 0L);
        }
        for (org.bson.Document proposal : proposals) {
            java.util.Date submitted = proposal.getDate("submittedAt");
            if (submitted == null) {
                continue;
            }
            LocalDate day = Instant.ofEpochMilli(submitted.getTime()).atZone(zone).toLocalDate();
            LocalDate bucket = weeks ? first.plusDays((day.toEpochDay() - first.toEpochDay()) / 7 * 7) : day;
            if (counts.containsKey(bucket)) {
                counts.merge(bucket, 1L, Long::sum);
            }
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        counts.forEach((day, n) -> bars.add(new BarChart.Bar((weeks ? "week of " : "") + day, n)));
        return new BarChart("Submissions per " + (weeks ? "week" : "day") + " of the call, " + first + " to " + last,
                bars);
    }

    private static BarChart perTrack(Conference conference, List<org.bson.Document> proposals) {
        Map<String, Long> counts = new LinkedHashMap<>();
        conference.tracks().forEach(track -> counts.put(track.slug(), 0L));
        proposals.forEach(p -> counts.merge(String.valueOf(p.getString("track")), 1L, Long::sum));
        List<BarChart.Bar> bars = new ArrayList<>();
        conference.tracks().forEach(track -> bars.add(new BarChart.Bar(track.name(), counts.get(track.slug()))));
        return new BarChart("Proposals per track", bars);
    }

    private static BarChart standing(List<org.bson.Document> proposals) {
        Map<ProposalStatus, Long> counts = new EnumMap<>(ProposalStatus.class);
        for (ProposalStatus status : ProposalStatus.values()) {
            counts.put(status, 0L);
        }
        long confirmed = 0;
        for (org.bson.Document proposal : proposals) {
            String status = proposal.getString("status");
            if (status != null) {
                counts.merge(ProposalStatus.valueOf(status), 1L, Long::sum);
            }
            confirmed += proposal.get("confirmedAt") != null ? 1 : 0;
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        counts.forEach((status, n) -> bars.add(new BarChart.Bar(status.name().toLowerCase(java.util.Locale.ROOT), n)));
        bars.add(new BarChart.Bar("confirmed by their speakers", confirmed));
        return new BarChart("Where the proposals stand", bars);
    }
}
