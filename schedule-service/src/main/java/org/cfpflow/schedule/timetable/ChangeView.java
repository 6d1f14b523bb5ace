package org.cfpflow.schedule.timetable;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.cfpflow.events.CfpEvent;
import org.cfpflow.events.ProposalConfirmed;
import org.cfpflow.events.Slot;
import org.cfpflow.events.Speaker;
import org.cfpflow.events.Talk;
import org.cfpflow.events.TalkRescheduled;
import org.cfpflow.events.TalkScheduled;
import org.cfpflow.events.TalkUnscheduled;
import org.cfpflow.events.TalkWaitlisted;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the live stream sends of a change: the talk as the public timetable shows it (speakers by name, never their
 * e-mail addresses), where it is now, where it was and why it moved. Not the event, which is for the services.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChangeView(String proposalId, String title, String track, List<String> speakers, int durationMinutes,
                  String room, OffsetDateTime start, OffsetDateTime end, LocalDateTime startLocal, LocalDateTime endLocal,
                  String previousRoom, LocalDateTime previousStartLocal, String reason, Boolean confirmed) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String of(CfpEvent event) {
        ChangeView view;
        if (event instanceof TalkScheduled scheduled) {
            view = of(scheduled.proposalId(), scheduled.talk(), scheduled.slot(), null, null);
        }
        else if (event instanceof TalkRescheduled moved) {
            view = of(moved.proposalId(), moved.talk(), moved.slot(), moved.previousSlot(), null);
        }
        else if (event instanceof TalkUnscheduled unscheduled) {
            view = of(unscheduled.proposalId(), unscheduled.talk(), null, unscheduled.previousSlot(), unscheduled.reason());
        }
        else if (event instanceof TalkWaitlisted waitlisted) {
            view = of(waitlisted.proposalId(), waitlisted.talk(), null, null, waitlisted.reason());
        }
        else if (event instanceof ProposalConfirmed confirmed) {
            ChangeView talk = of(confirmed.proposalId(), confirmed.talk(), null, null, null);
            view = new ChangeView(talk.proposalId(), talk.title(), talk.track(), talk.speakers(),
                    talk.durationMinutes(), null, null, null, null, null, null, null, null, true);
        }
        else {
            throw new IllegalArgumentException("not a change of the timetable: " + event.getClass());
        }
        return JSON.writeValueAsString(view);
    }

    private static ChangeView of(String proposalId, Talk talk, Slot slot, Slot previous, String reason) {
        return new ChangeView(proposalId, talk.title(), talk.track(), talk.speakers().stream().map(Speaker::name).toList(),
                talk.durationMinutes(), slot == null ? null : slot.room(), slot == null ? null : slot.start(),
                slot == null ? null : slot.end(), slot == null ? null : slot.startLocal(),
                slot == null ? null : slot.endLocal(), previous == null ? null : previous.room(),
                previous == null ? null : previous.startLocal(), reason, null);
    }
}
