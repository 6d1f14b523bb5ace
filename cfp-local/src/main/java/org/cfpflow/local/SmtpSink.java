package org.cfpflow.local;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP server (RFC 5321, the part a mail client needs: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) that hands
 * each accepted message to a {@link Receiver} before it answers {@code 250}, and answers every command with one
 * write: no delayed-ACK stalls, so it is never what a sender waits for. Delivers nowhere.
 */
final class SmtpSink implements AutoCloseable {

    /** Called once per accepted message, before the client is told it was accepted; throw to refuse it. */
    interface Receiver {
        void accept(List<String> recipients, byte[] message) throws IOException;
    }

    private static final int MAX_MESSAGE = 10 * 1024 * 1024;
    /** What {@link #readData} answers for a message over {@link #MAX_MESSAGE}: compared by identity. */
    private static final byte[] TOO_LARGE = new byte[0];

    private final ServerSocket server;
    private final Receiver receiver;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "smtp-session");
        thread.setDaemon(true);
        return thread;
    });

    SmtpSink(String host, int port, Receiver receiver) throws IOException {
        this.server = new ServerSocket(port, 200, InetAddress.getByName(host));
        this.receiver = receiver;
        Thread acceptor = new Thread(this::acceptConnections, "smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.execute(() -> session(socket));
            }
            catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("smtp: accept failed: " + e);
                }
            }
        }
    }

    private void session(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 localhost CfP Flow SMTP sink");
            List<String> recipients = new ArrayList<>();
            boolean from = false;
            String line;
            while ((line = readLine(in)) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE " + MAX_MESSAGE);
                    case "HELO" -> reply(out, "250 localhost");
                    case "MAIL" -> {
                        from = true;
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        if (!from) {
                            reply(out, "503 MAIL first");
                        }
                        else {
                            recipients.add(address(line));
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 RCPT first");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        byte[] message = readData(in);
                        if (message == null) {
                            return;
                        }
                        if (message == TOO_LARGE) {
                            reply(out, "552 message exceeds the maximum size of " + MAX_MESSAGE + " bytes");
                            from = false;
                            recipients.clear();
                            continue;
                        }
                        try {
                            receiver.accept(List.copyOf(recipients), message);
                            reply(out, "250 OK");
                        }
                        catch (IOException | RuntimeException e) {
                            reply(out, "451 cannot keep the message: " + e.getMessage());
                        }
                        from = false;
                        recipients.clear();
                    }
                    case "RSET" -> {
                        from = false;
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        }
        catch (SocketException e) {
            // the client went away
        }
        catch (IOException e) {
            System.err.println("smtp: session failed: " + e);
        }
    }

    private static String address(String line) {
        int open = line.indexOf('<');
        int close = line.indexOf('>', open + 1);
        return open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).strip();
    }

    /**
     * The message up to the line with a single dot, dot-stuffing removed; {@link #TOO_LARGE} when it is longer than
     * {@link #MAX_MESSAGE} (the rest is read and dropped, so that the session can go on); null if the client went away.
     */
    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean tooLarge = false;
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return tooLarge ? TOO_LARGE : message.toByteArray();
            }
            byte[] bytes = (line.startsWith(".") ? line.substring(1) : line).getBytes(StandardCharsets.ISO_8859_1);
            tooLarge = tooLarge || message.size() + bytes.length + 2 > MAX_MESSAGE;
            if (!tooLarge) {
                message.write(bytes);
                message.write('\r');
                message.write('\n');
            }
        }
        return null;
    }

    /** One line without its CRLF (or LF), bytes kept as ISO-8859-1 characters; null at the end of the stream. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
            if (line.length() > MAX_MESSAGE) {
                throw new IOException("line too long");
            }
        }
        return line.isEmpty() ? null : line.toString();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
