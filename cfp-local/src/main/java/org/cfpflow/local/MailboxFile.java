package org.cfpflow.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the file {@link LocalSmtp} writes: one line per accepted message and recipient. */
public final class MailboxFile {

    /** One message to one recipient: when the server took it, its Message-ID, and which step of which proposal. */
    public record Mail(Instant receivedAt, String messageId, String recipient, String proposalId, String kind) {
    }

    private MailboxFile() {
    }

    public static List<Mail> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Mail> mails = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5) {
                mails.add(new Mail(Instant.parse(f[0]), f[1], f[2].toLowerCase(Locale.ROOT), f[3], f[4]));
            }
        }
        return mails;
    }
}
