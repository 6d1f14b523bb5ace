package org.cfpflow.review.conference;

import java.util.List;

import org.cfpflow.events.ConferenceDefined;
import org.cfpflow.events.Track;
import org.cfpflow.messaging.ConferenceCopy;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A conference as this service needs it: its title, its team, and whether review is blind (it is until defined). */
@Document("conferences")
// the boards a member of a team is shown
@CompoundIndex(name = "team_email", def = "{'team.email': 1}")
public class Conference extends ConferenceCopy {

    private String title;
    private List<Track> tracks = List.of();
    private boolean blindReview = true;

    @Override
    protected void copy(ConferenceDefined defined) {
        title = defined.title();
        tracks = defined.tracks();
        blindReview = defined.blindReview();
    }

    public List<Track> tracks() {
        return tracks;
    }

    public String title() {
        return title;
    }

    public boolean blindReview() {
        return blindReview;
    }
}
