package org.cfpflow.schedule.timetable;

/** Why a talk cannot go where an organizer wants it: {@code kind} and, where there is one, the other talk. */
public record Clash(String kind, String message, String otherProposalId, String speaker) {

    static Clash outsideBlock(String room, String track) {
        return new Clash("OUTSIDE_BLOCK", "The slot is not inside a block of track " + track + " in room " + room,
                null, null);
    }

    static Clash inBreak(Break pause) {
        return new Clash("IN_BREAK", "The slot overlaps the break from " + pause.start() + " to " + pause.end(),
                null, null);
    }

    static Clash outsideAvailability(java.util.List<org.cfpflow.events.Window> windows) {
        return new Clash("OUTSIDE_AVAILABILITY", "The slot is outside its speakers' availability: "
                + windows.stream().map(w -> w.start() + " to " + w.end()).collect(
                        java.util.stream.Collectors.joining(", ")), null, null);
    }

    static Clash roomTaken(Entry other) {
        return new Clash("ROOM_OVERLAP", "The room is taken by \"" + other.talk().title() + "\" from "
                + other.placement().start() + " to " + other.placement().end(), other.proposalId(), null);
    }

    static Clash speakerBusy(String speaker, Entry other) {
        return new Clash("SPEAKER_BUSY", speaker + " is speaking in \"" + other.talk().title() + "\" ("
                + other.placement().room() + ", " + other.placement().start() + " to " + other.placement().end()
                + ")", other.proposalId(), speaker);
    }
}
