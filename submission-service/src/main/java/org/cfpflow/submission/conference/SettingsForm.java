package org.cfpflow.submission.conference;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.cfpflow.events.Person;
import org.cfpflow.events.TeamMember;
import org.cfpflow.events.TeamRole;
import org.cfpflow.events.Track;
import org.cfpflow.platform.FieldViolation;
import org.cfpflow.platform.FormErrors;
import org.cfpflow.platform.FormFields;
import org.cfpflow.platform.Violations;

/**
 * The conference settings page's fields: the call window in the conference's own zone, a track's durations as
 * "15, 20, 25" and its leads one per line as "Name &lt;address&gt;", a member's tracks as slugs. Blank track and
 * team rows are left out of the request.
 */
public class SettingsForm {

    static final int BLANK_TRACKS = 2;
    static final int BLANK_MEMBERS = 3;
    static final List<String> ROLES = Arrays.stream(TeamRole.values()).map(TeamRole::name).toList();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern LEAD = Pattern.compile("^\\s*(.+?)\\s*<\\s*([^<>]+?)\\s*>\\s*$");

    private String id;
    private String title;
    private String timezone;
    private String callOpens;
    private String callCloses;
    private String start;
    private String end;
    private boolean blindReview = true;
    private String publish = "LIVE";
    private String remindAfter;
    private boolean releaseUnconfirmed;
    private List<TrackRow> tracks = new ArrayList<>();
    private List<MemberRow> team = new ArrayList<>();

    /** The form for a conference to come: blind review, published live, blank rows. */
    static SettingsForm blank() {
        return new SettingsForm().withBlankRows(1);
    }

    static SettingsForm of(Conference c) {
        SettingsForm form = new SettingsForm();
        ZoneId zone = ZoneId.of(c.timezone());
        form.id = c.conferenceId();
        form.title = c.title();
        form.timezone = c.timezone();
        form.callOpens = LOCAL.format(c.callOpens().atZone(zone));
        form.callCloses = LOCAL.format(c.callCloses().atZone(zone));
        form.start = c.start() == null ? null : c.start().toString();
        form.end = c.end() == null ? null : c.end().toString();
        form.blindReview = c.blindReview();
        form.publish = c.publish().name();
        form.remindAfter = c.confirmation() == null ? null : iso(c.confirmation().remindAfter());
        form.releaseUnconfirmed = c.confirmation() != null && c.confirmation().releaseUnconfirmed();
        for (Track track : c.tracks()) {
            form.tracks.add(TrackRow.of(track));
        }
        for (TeamMember member : c.team()) {
            form.team.add(MemberRow.of(member));
        }
        return form.withBlankRows(1);
    }

    /** Adds {@code times} rounds of blank rows to fill in. */
    SettingsForm withBlankRows(int times) {
        for (int i = 0; i < BLANK_TRACKS * times; i++) {
            tracks.add(new TrackRow());
        }
        for (int i = 0; i < BLANK_MEMBERS * times; i++) {
            team.add(new MemberRow());
        }
        return this;
    }

    /** The request this form makes; what cannot be read (a date, a duration, a lead's line) goes to {@code violations}. */
    ConferenceRequest toRequest(Violations violations) {
        ZoneId zone = zoneOrUtc();
        List<ConferenceRequest.TrackRequest> trackRequests = new ArrayList<>();
        for (int i = 0; i < tracks.size(); i++) {
            TrackRow row = tracks.get(i);
            if (!row.isBlank()) {
                trackRequests.add(new ConferenceRequest.TrackRequest(FormFields.text(row.slug), FormFields.text(row.name),
                        minutes(row.durations, "tracks[" + i + "].durations", violations),
                        leads(row.leads, "tracks[" + i + "].leads", violations)));
            }
        }
        List<ConferenceRequest.TeamMemberRequest> members = team.stream().filter(row -> !row.isBlank())
                .map(row -> new ConferenceRequest.TeamMemberRequest(FormFields.text(row.email),
                        row.roles == null ? List.of() : row.roles, slugs(row.tracks))).toList();
        Duration remind = duration(remindAfter, violations);
        return new ConferenceRequest(FormFields.text(title), FormFields.text(timezone),
                instant(callOpens, zone, "callOpens", violations), instant(callCloses, zone, "callCloses", violations),
                date(start, "start", violations), date(end, "end", violations),
                trackRequests.isEmpty() ? null : trackRequests, blindReview, members,
                remind == null ? null : new ConferenceRequest.ConfirmationRequest(remind, releaseUnconfirmed),
                FormFields.text(publish));
    }

    /** {@code P7D} rather than Java's {@code PT168H}: whole days as days. */
    private static String iso(Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? "P" + duration.toDays() + "D" : duration.toString();
    }

    private ZoneId zoneOrUtc() {
        try {
            return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone.strip());
        }
        catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static java.time.Instant instant(String text, ZoneId zone, String field, Violations violations) {
        LocalDateTime local = FormFields.localDateTime(text, field, violations);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private static LocalDate date(String text, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeException e) {
            violations.add(field, "is not a date such as 2019-09-09");
            return null;
        }
    }

    private static Duration duration(String text, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        }
        catch (DateTimeException e) {
            violations.add("confirmation.remindAfter", "is not a duration such as P7D (seven days) or PT12H");
            return null;
        }
    }

    private static List<Integer> minutes(String text, String field, Violations violations) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<Integer> minutes = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                try {
                    minutes.add(Integer.valueOf(part));
                }
                catch (NumberFormatException e) {
                    violations.add(field, "must be minutes separated by commas, such as 15, 20, 30");
                    return null;
                }
            }
        }
        return minutes;
    }

    private static List<ConferenceRequest.LeadRequest> leads(String text, String field, Violations violations) {
        List<ConferenceRequest.LeadRequest> leads = new ArrayList<>();
        if (text == null) {
            return leads;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Matcher matcher = LEAD.matcher(lines[i]);
            if (matcher.matches()) {
                leads.add(new ConferenceRequest.LeadRequest(matcher.group(1), matcher.group(2)));
            }
            else {
                violations.add(field, "line " + (i + 1) + " must read Name <address>");
            }
        }
        return leads;
    }

    private static List<String> slugs(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public static class TrackRow {

        private String slug;
        private String name;
        private String durations;
        private String leads;

        static TrackRow of(Track track) {
            TrackRow row = new TrackRow();
            row.slug = track.slug();
            row.name = track.name();
            row.durations = track.durations().stream().map(String::valueOf).collect(Collectors.joining(", "));
            row.leads = track.leads().stream().map(SettingsForm::line).collect(Collectors.joining("\n"));
            return row;
        }

        public boolean isBlank() {
            return FormFields.text(slug) == null && FormFields.text(name) == null
                    && FormFields.text(durations) == null && FormFields.text(leads) == null;
        }

        public String getSlug() {
            return slug;
        }

        public void setSlug(String slug) {
            this.slug = slug;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDurations() {
            return durations;
        }

        public void setDurations(String durations) {
            this.durations = durations;
        }

        public String getLeads() {
            return leads;
        }

        public void setLeads(String leads) {
            this.leads = leads;
        }
    }

    public static class MemberRow {

        private String email;
        private List<String> roles = new ArrayList<>();
        private String tracks;

        static MemberRow of(TeamMember member) {
            MemberRow row = new MemberRow();
            row.email = member.email();
            row.roles = new ArrayList<>(member.roles().stream().map(Enum::name).toList());
            row.tracks = String.join(", ", member.tracks());
            return row;
        }

        public boolean isBlank() {
            return FormFields.text(email) == null && (roles == null || roles.isEmpty())
                    && FormFields.text(tracks) == null;
        }

        public boolean has(String role) {
            return roles != null && roles.contains(role);
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public String getTracks() {
            return tracks;
        }

        public void setTracks(String tracks) {
            this.tracks = tracks;
        }
    }

    private static String line(Person lead) {
        return lead.name() + " <" + lead.email() + ">";
    }

    /** The messages of each input of this form. */
    Map<String, List<String>> errorsByInput(List<FieldViolation> violations) {
        return new FormErrors().rows("tracks", tracks.stream().map(TrackRow::isBlank).toList())
                .rows("team", team.stream().map(MemberRow::isBlank).toList())
                .alias("conferenceId", "id").alias("confirmation", "remindAfter").byInput(violations);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public String getCallOpens() {
        return callOpens;
    }

    public void setCallOpens(String callOpens) {
        this.callOpens = callOpens;
    }

    public String getCallCloses() {
        return callCloses;
    }

    public void setCallCloses(String callCloses) {
        this.callCloses = callCloses;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public boolean isBlindReview() {
        return blindReview;
    }

    public void setBlindReview(boolean blindReview) {
        this.blindReview = blindReview;
    }

    public String getPublish() {
        return publish;
    }

    public void setPublish(String publish) {
        this.publish = publish;
    }

    public String getRemindAfter() {
        return remindAfter;
    }

    public void setRemindAfter(String remindAfter) {
        this.remindAfter = remindAfter;
    }

    public boolean isReleaseUnconfirmed() {
        return releaseUnconfirmed;
    }

    public void setReleaseUnconfirmed(boolean releaseUnconfirmed) {
        this.releaseUnconfirmed = releaseUnconfirmed;
    }

    public List<TrackRow> getTracks() {
        return tracks;
    }

    public void setTracks(List<TrackRow> tracks) {
        this.tracks = tracks;
    }

    public List<MemberRow> getTeam() {
        return team;
    }

    public void setTeam(List<MemberRow> team) {
        this.team = team;
    }
}
