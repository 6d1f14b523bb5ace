package org.cfpflow.submission.page;

import java.util.ArrayList;
import java.util.List;

import org.cfpflow.submission.proposal.ProposalRequest;

/** The HTML form's fields; blank speaker rows are left out. */
public class SubmissionForm {

    static final int SPEAKER_ROWS = 3;

    private String title;
    private String abstractText;
    private String description;
    private String track;
    private Integer durationMinutes;
    private String notes;
    private List<SpeakerRow> speakers = new ArrayList<>();

    public SubmissionForm() {
        for (int i = 0; i < SPEAKER_ROWS; i++) {
            speakers.add(new SpeakerRow());
        }
    }

    ProposalRequest toRequest() {
        List<ProposalRequest.SpeakerRequest> given = speakers.stream()
                .filter(row -> !isBlank(row.getName()) || !isBlank(row.getEmail()))
                .map(row -> new ProposalRequest.SpeakerRequest(row.getName(), row.getEmail(), row.getAffiliation()))
                .toList();
        return new ProposalRequest(title, abstractText, description, track, durationMinutes, given, notes);
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
