package org.cfpflow.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    /**
     * Every complete line: the server appends while this reads, so a line still being written (no newline yet, or
     * seen half-way) is left for the next read.
     */
    public static List<Mail> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        List<Mail> mails = new ArrayList<>();
        for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length >= 5) {
                try {
                    mails.add(new Mail(Instant.parse(f[0]), f[1], f[2].toLowerCase(Locale.ROOT), f[3], f[4]));
                }
                catch (DateTimeParseException torn) {
                    // not a whole line
                }
            }
        }
        return mails;
    }
}
