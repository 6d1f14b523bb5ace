package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxFileTest {

    @TempDir
    Path data;

    @Test
    void readsWholeLinesOnlyWhileTheServerIsStillAppending() throws Exception {
        Path file = data.resolve("mailbox.tsv");
        Files.writeString(file, """
                2026-11-25T18:11:33.893Z\t<a@cfp-flow>\tAda@Example.org\tp1\tSUBMITTED\tWe received…
                flow>\tada@example.org\tp2\tSUBMITTED\tWe received…
                2026-11-25T18:11:34.001Z\t<b@cfp-flow>\tlinus@example.org\tp3\tACCEPTED\tAccep""",
                StandardCharsets.UTF_8);

        assertThat(MailboxFile.read(file)).containsExactly(new MailboxFile.Mail(
                Instant.parse("2026-11-25T18:11:33.893Z"), "<a@cfp-flow>", "ada@example.org", "p1", "SUBMITTED"));
        assertThat(MailboxFile.read(data.resolve("none.tsv"))).isEmpty();
    }

    @Test
    void aTailReturnsEachCompleteLineOnceAsTheFileGrows() throws Exception {
        Path file = data.resolve("mailbox.tsv");
        MailboxFile.Tail tail = new MailboxFile.Tail(file);
        assertThat(tail.next()).isEmpty();

        Files.writeString(file, "2026-11-25T18:11:33.893Z\t<a@cfp-flow>\tada@example.org\tp1\tSUBMITTED\tWe received…\n"
                + "2026-11-25T18:11:34.001Z\t<b@cfp-flow>\tlinus@exa", StandardCharsets.UTF_8);
        assertThat(tail.next()).extracting(MailboxFile.Mail::proposalId).containsExactly("p1");
        assertThat(tail.next()).isEmpty();

        Files.writeString(file, "mple.org\tp3\tACCEPTED\tAccepted: Zoë’s talk\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(tail.next()).containsExactly(new MailboxFile.Mail(Instant.parse("2026-11-25T18:11:34.001Z"),
                "<b@cfp-flow>", "linus@example.org", "p3", "ACCEPTED"));
        assertThat(tail.next()).isEmpty();
        assertThat(MailboxFile.read(file)).hasSize(2);
    }
}
