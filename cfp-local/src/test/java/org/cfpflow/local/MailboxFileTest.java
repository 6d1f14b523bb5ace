package org.cfpflow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
