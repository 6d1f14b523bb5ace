package org.cfpflow.schedule.release;

import org.cfpflow.platform.Violations;

/** {@code POST .../timetable/releases}: the release's name (its number when not given) and what to tell readers. */
record ReleaseRequest(String version, String comment) {

    void validate() {
        Violations violations = new Violations();
        violations.optionalLine(version, "version", 50);
        violations.optionalText(comment, "comment", 2_000);
        violations.throwIfAny();
    }

    String versionOrNull() {
        return version == null || version.isBlank() ? null : version.strip();
    }

    String commentOrNull() {
        return comment == null || comment.isBlank() ? null : comment.strip();
    }
}
