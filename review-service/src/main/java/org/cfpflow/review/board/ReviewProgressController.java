package org.cfpflow.review.board;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bson.Document;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.platform.BarChart;
import org.cfpflow.platform.Problems;
import org.cfpflow.platform.TeamAccess;
import org.cfpflow.review.conference.Conference;
import org.cfpflow.review.conference.Conferences;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * How a conference's review goes, for its organizers: reviews per reviewer, proposals reviewed per track, the
 * distribution of the scores; charts drawn on the server ({@link BarChart}) with their numbers.
 */
@Controller
class ReviewProgressController {

    private final MongoTemplate mongo;
    private final Conferences conferences;

    ReviewProgressController(MongoTemplate mongo, Conferences conferences) {
        this.mongo = mongo;
        this.conferences = conferences;
    }

    @GetMapping("/{conferenceId}/board/progress")
    String progress(@PathVariable String conferenceId, Authentication caller, Model model) {
        Conference conference = conferences.find(conferenceId)
                .orElseThrow(() -> Problems.notFound("No conference " + conferenceId));
        TeamAccess.require(caller, conference.team(), TeamRole.ORGANIZER, null, conferenceId);
        // the proposals in the running, what the charts need of each
        Query query = new Query(Criteria.where("conferenceId").is(conferenceId).and("submittedAt").ne(null)
                .and("withdrawn").is(false));
        query.fields().include("track", "reviews.reviewer", "reviews.score");
        List<Document> proposals = mongo.find(query, Document.class, "proposals");

        Map<String, Long> perReviewer = new LinkedHashMap<>();
        conference.team().stream().filter(m -> m.roles().contains(TeamRole.REVIEWER)).map(TeamMember::email)
                .forEach(email -> perReviewer.put(email.toLowerCase(Locale.ROOT), 0L));
        Map<String, long[]> perTrack = new LinkedHashMap<>();
        conference.tracks().forEach(track -> perTrack.put(track.slug(), new long[2]));
        long[] scores = new long[6];
        for (Document proposal : proposals) {
            List<Document> reviews = proposal.getList("reviews", Document.class, List.of());
            long[] track = perTrack.computeIfAbsent(String.valueOf(proposal.getString("track")), t -> new long[2]);
            track[0]++;
            track[1] += reviews.isEmpty() ? 0 : 1;
            for (Document review : reviews) {
                perReviewer.merge(String.valueOf(review.getString("reviewer")).toLowerCase(Locale.ROOT), 1L, Long::sum);
                Integer score = review.getInteger("score");
                if (score != null && score >= 1 && score <= 5) {
                    scores[score]++;
                }
            }
        }
        List<BarChart.Bar> reviewers = new ArrayList<>();
        perReviewer.forEach((email, n) -> reviewers.add(new BarChart.Bar(email, n)));
        List<BarChart.Bar> tracks = new ArrayList<>();
        perTrack.forEach((slug, counts) -> tracks.add(new BarChart.Bar(slug + " (of " + counts[0] + ")", counts[1])));
        List<BarChart.Bar> distribution = new ArrayList<>();
        for (int score = 1; score <= 5; score++) {
            distribution.add(new BarChart.Bar("score " + score, scores[score]));
        }
        model.addAttribute("conference", conference);
        model.addAttribute("total", proposals.size());
        model.addAttribute("charts", List.of(
                new BarChart("Reviews given, per reviewer", reviewers),
                new BarChart("Proposals reviewed at least once, per track", tracks),
                new BarChart("Scores given", distribution)).stream().map(BarChart::asRows).toList());
        return "progress";
    }
}
