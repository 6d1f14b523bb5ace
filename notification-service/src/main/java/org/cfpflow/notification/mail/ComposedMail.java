package org.cfpflow.notification.mail;

import java.util.List;

import org.cfpflow.messaging.SealedTokens;

/**
 * An e-mail ready to send: stored once for its notification, so that every retry sends the same. A speaker's edit
 * token is never in it in the clear: the text holds {@link #EDIT_TOKEN} where the link needs it and the token itself
 * stays sealed ({@code sealedEditToken}) until {@link #opened} puts it in, just before the message goes to SMTP.
 */
public record ComposedMail(String subject, String text, String html, List<Attachment> attachments, String sealedEditToken) {

    /** Where the edit token goes in the link; letters and dashes only, so that no escaping changes it. */
    public static final String EDIT_TOKEN = "CFP-EDIT-TOKEN";

    public record Attachment(String fileName, String contentType, String content) {
    }

    /**
     * The e-mail as it is sent: the edit token, opened for this proposal, in place of its placeholder.
     *
     * @throws IllegalArgumentException when the token cannot be opened (sealed under a key this service lacks)
     */
    public ComposedMail opened(SealedTokens tokens, String proposalId) {
        if (sealedEditToken == null) {
            return this;
        }
        String token = tokens.open(sealedEditToken, proposalId);
        return new ComposedMail(subject, text.replace(EDIT_TOKEN, token), html.replace(EDIT_TOKEN, token), attachments, null);
    }
}
