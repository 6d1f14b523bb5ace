package org.cfpflow.submission.proposal;

import java.time.Instant;
import java.util.List;

import org.cfpflow.events.Speaker;
import org.cfpflow.events.Window;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A proposal as its speaker or an organizer sees it; {@code confirmed}: its speakers confirmed the accepted talk;
 * {@code editToken} only in the answer to submitting.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProposalView(String id, String title, @JsonProperty("abstract") String abstractText, String description,
                           String track, int durationMinutes, List<Speaker> speakers, List<Window> availability,
                           String notes,
                           ProposalStatus status, boolean confirmed, String decisionNote, ScheduledSlot slot,
                           Instant submittedAt,
                           Instant updatedAt, String editToken) {

    public static ProposalView of(Proposal p) {
        return of(p, null);
    }

    static ProposalView of(Proposal p, String editToken) {
        return new ProposalView(p.id(), p.talk().title(), p.talk().abstractText(), p.talk().description(),
                p.talk().track(), p.talk().durationMinutes(), p.talk().speakers(), p.talk().availability(), p.notes(), p.status(),
                p.confirmed(), p.decisionNote(), p.slot(), p.submittedAt(), p.updatedAt(), editToken);
    }
}
