package org.cfpflow.notification.delivery;

/** PENDING until the SMTP server took the e-mail (SENT) or every retry failed (FAILED). */
public enum DeliveryStatus {
    PENDING, SENT, FAILED
}
