package org.cfpflow.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        return new Tail(file).next();
    }

    /**
     * Reads a growing mailbox file in steps: each {@link #next()} returns the complete lines appended since the last
     * one. A benchmark waiting for thousands of receipts polls the file; reading it whole at every poll took a
     * fifth of a core of the machine it measures.
     */
    public static final class Tail {

        private final Path file;
        private long position;

        public Tail(Path file) {
            this.file = file;
        }

        /** The complete lines appended since the last call (the whole file at the first). */
        public List<Mail> next() throws IOException {
            if (!Files.exists(file)) {
                return List.of();
            }
            byte[] appended;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size <= position) {
                    return List.of();
                }
                ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(size - position));
                while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
                    // read until the size seen above
                }
                appended = buffer.array();
            }
            int end = appended.length;
            while (end > 0 && appended[end - 1] != '\n') {
                end--;
            }
            position += end;
            return parse(new String(appended, 0, end, StandardCharsets.UTF_8));
        }
    }

    private static List<Mail> parse(String lines) {
        List<Mail> mails = new ArrayList<>();
        for (String line : lines.split("\n")) {
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
