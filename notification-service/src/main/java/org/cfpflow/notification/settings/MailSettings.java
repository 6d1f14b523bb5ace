package org.cfpflow.notification.settings;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.cfpflow.notification.delivery.NotificationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A conference's own e-mail settings, kept by the notification-service (which alone sends e-mail): the kinds it
 * holds for approval (none by default) and their own wording of each kind (the default templates otherwise).
 */
@Document("mail_settings")
public class MailSettings {

    @Id
    private String id;
    private Set<NotificationKind> held = EnumSet.noneOf(NotificationKind.class);
    /** An organizer's wording, by kind: the default templates for the kinds without one. */
    private Map<NotificationKind, MailTemplate> templates = new EnumMap<>(NotificationKind.class);
    @Version
    private Long version;

    static MailSettings of(String conferenceId) {
        MailSettings settings = new MailSettings();
        settings.id = conferenceId;
        return settings;
    }

    public boolean holds(NotificationKind kind) {
        return held != null && held.contains(kind);
    }

    public Set<NotificationKind> held() {
        return held == null || held.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(held);
    }

    /** The organizers' wording of the kind, or null for the default one. */
    public MailTemplate template(NotificationKind kind) {
        return templates == null ? null : templates.get(kind);
    }

    void word(NotificationKind kind, MailTemplate template) {
        if (templates == null) {
            templates = new EnumMap<>(NotificationKind.class);
        }
        if (template == null) {
            templates.remove(kind);
        }
        else {
            templates.put(kind, template);
        }
    }

    void hold(Set<NotificationKind> kinds) {
        held = kinds.isEmpty() ? EnumSet.noneOf(NotificationKind.class) : EnumSet.copyOf(kinds);
    }
}
