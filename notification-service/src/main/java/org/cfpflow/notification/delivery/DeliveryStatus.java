package org.cfpflow.notification.delivery;

/**
 * PENDING until the SMTP server took the e-mail (SENT) or every retry failed (FAILED); HELD, of a kind its conference
 * holds for approval, until an organizer sends it (then PENDING).
 */
public enum DeliveryStatus {
    PENDING, SENT, FAILED, HELD
}
