package org.cfpflow.submission.page;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.cfpflow.submission.proposal.ProposalRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The HTML form's fields; blank speaker and availability rows are left out. */
public class SubmissionForm {

    static final int SPEAKER_ROWS = 3;
    static final int WINDOW_ROWS = 3;

    private String title;
    private String abstractText;
    private String description;
    private String track;
    private Integer durationMinutes;
    private String notes;
    private List<SpeakerRow> speakers = new ArrayList<>();
    private List<WindowRow> availability = new ArrayList<>();

    public SubmissionForm() {
        for (int i = 0; i < SPEAKER_ROWS; i++) {
            speakers.add(new SpeakerRow());
        }
        for (int i = 0; i < WINDOW_ROWS; i++) {
            availability.add(new WindowRow());
        }
    }

    ProposalRequest toRequest() {
        List<ProposalRequest.SpeakerRequest> given = speakers.stream()
                .filter(row -> !isBlank(row.getName()) || !isBlank(row.getEmail()))
                .map(row -> new ProposalRequest.SpeakerRequest(row.getName(), row.getEmail(), row.getAffiliation()))
                .toList();
        List<ProposalRequest.WindowRequest> windows = availability.stream()
                .filter(row -> row.getStart() != null || row.getEnd() != null)
                .map(row -> new ProposalRequest.WindowRequest(row.getStart(), row.getEnd())).toList();
        return new ProposalRequest(title, abstractText, description, track, durationMinutes, given, notes,
                windows.isEmpty() ? null : windows);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getAbstractText() {
        return abstractText;
    }

    public void setAbstractText(String abstractText) {
        this.abstractText = abstractText;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTrack() {
        return track;
    }

    public void setTrack(String track) {
        this.track = track;
    }

    public Integer getDurationMinutes() {
        return durationMinutes;
    }

    public void setDurationMinutes(Integer durationMinutes) {
        this.durationMinutes = durationMinutes;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public List<SpeakerRow> getSpeakers() {
        return speakers;
    }

    public void setSpeakers(List<SpeakerRow> speakers) {
        this.speakers = speakers;
    }

    public List<WindowRow> getAvailability() {
        return availability;
    }

    public void setAvailability(List<WindowRow> availability) {
        this.availability = availability;
    }

    /** A window when every speaker can speak, in the conference's local time; both blank: none. */
    public static class WindowRow {

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime start;
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        private LocalDateTime end;

        public LocalDateTime getStart() {
            return start;
        }

        public void setStart(LocalDateTime start) {
            this.start = start;
        }

        public LocalDateTime getEnd() {
            return end;
        }

        public void setEnd(LocalDateTime end) {
            this.end = end;
        }
    }

    public static class SpeakerRow {

        private String name;
        private String email;
        private String affiliation;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getAffiliation() {
            return affiliation;
        }

        public void setAffiliation(String affiliation) {
            this.affiliation = affiliation;
        }
    }
}
