package org.cfpflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SMTP sink's own ceiling: plain SMTP clients sending messages about the size of a receipt, one after another
 * over a few connections, as fast as the sink answers. What the benchmark's sink can take, so that it is never what
 * the measured latency waits for.
 */
record SinkCeiling(int messages, int connections, double perSecond, double millisPerMessage) {

    static SinkCeiling measure(String host, int port, int connections, int messages) throws Exception {
        String body = "x".repeat(76) + "\r\n";
        String message = "From: bench@localhost\r\nTo: sink@example.org\r\nSubject: ceiling\r\nMessage-ID: <%d@bench>\r\n"
                + "X-CfP-Proposal: sink-ceiling\r\nX-CfP-Kind: CEILING\r\n\r\n" + body.repeat(40) + ".\r\n";
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Long>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            int from = c * (messages / connections);
            work.add(pool.submit(() -> send(host, port, message, from, messages / connections)));
        }
        long oneConnectionNanos = 0;
        for (Future<Long> f : work) {
            oneConnectionNanos = Math.max(oneConnectionNanos, f.get());
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new SinkCeiling(messages, connections, messages / seconds,
                oneConnectionNanos / 1e6 / (messages / connections));
    }

    private static long send(String host, int port, String message, int from, int count) throws IOException {
        long start = System.nanoTime();
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO bench", "250");
            for (int i = 0; i < count; i++) {
                command(out, in, "MAIL FROM:<bench@localhost>", "250");
                command(out, in, "RCPT TO:<sink@example.org>", "250");
                command(out, in, "DATA", "354");
                out.write(String.format(message, from + i).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
            }
            command(out, in, "QUIT", "221");
        }
        return System.nanoTime() - start;
    }

    private static void command(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    /** Reads a reply, multi-line ones included, and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null || !line.startsWith(code)) {
                throw new IOException("expected " + code + ", got " + line);
            }
        }
        while (line.length() > 3 && line.charAt(3) == '-');
    }
}
