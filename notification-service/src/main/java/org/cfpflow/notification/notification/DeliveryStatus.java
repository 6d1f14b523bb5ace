package org.cfpflow.notification.notification;

/** PENDING until the SMTP server took the e-mail (SENT) or every retry failed (FAILED). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
