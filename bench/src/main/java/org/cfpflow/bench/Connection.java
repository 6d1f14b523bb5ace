package org.cfpflow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection on a blocking socket, for the closed-loop clients. The load generator shares the
 * two cores with what it measures: the JDK's HttpClient (a selector thread and hand-offs per request) took 0.6 ms of
 * CPU per saturated request, a fifth of the machine; this takes the socket's two system calls and a parse.
 * Not thread-safe: one per client thread. Reconnects after the server closed (Tomcat does every 100 requests).
 */
final class Connection implements AutoCloseable {

    /** The status and body of one answer. */
    record Answer(int status, String body) {
    }

    private final String host;
    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    Connection(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /** Sends {@code request}; an IOException leaves the connection closed, and the next call opens another. */
    Answer send(Load.Request request) throws IOException {
        byte[] body = request.json() == null ? new byte[0] : request.json().getBytes(StandardCharsets.UTF_8);
        String target = request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        byte[] head = (request.method() + " " + target + " HTTP/1.1\r\nHost: " + host + ":" + port
                + (request.json() == null ? "" : "\r\nContent-Type: application/json")
                + "\r\nAccept: application/json"
                + (request.json() == null ? "" : "\r\nContent-Length: " + body.length)
                + (request.authorization() == null ? "" : "\r\nAuthorization: " + request.authorization())
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            if (socket == null) {
                open();
            }
            byte[] bytes = new byte[head.length + body.length];
            System.arraycopy(head, 0, bytes, 0, head.length);
            System.arraycopy(body, 0, bytes, head.length, body.length);
            out.write(bytes);
            out.flush();
            return read();
        }
        catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress(host, port), 5_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? header : header.substring(0, colon).trim();
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            }
            else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            }
            else if (name.equalsIgnoreCase("Connection")) {
                closes = value.equalsIgnoreCase("close");
            }
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        if (status == 204 || status == 304) {
            // no body, whatever the headers say
        }
        else if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, content);
                line();
            }
            while (!line().isEmpty()) {
                // trailers: none expected, read past them
            }
        }
        else if (length >= 0) {
            copy(length, content);
        }
        else {
            // no length and not chunked: the body ends with the connection
            in.transferTo(content);
            closes = true;
        }
        if (closes) {
            close();
        }
        return new Answer(status, content.toString(StandardCharsets.UTF_8));
    }

    private long chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Long.parseLong((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private void copy(long bytes, ByteArrayOutputStream to) throws IOException {
        byte[] buffer = new byte[(int) Math.min(bytes, 8192)];
        while (bytes > 0) {
            int read = in.read(buffer, 0, (int) Math.min(bytes, buffer.length));
            if (read < 0) {
                throw new EOFException("the connection closed inside an answer's body");
            }
            to.write(buffer, 0, read);
            bytes -= read;
        }
    }

    /** One header line without its CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the connection closed inside an answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            }
            catch (IOException e) {
                // closing a socket we give up on: nothing to do
            }
            socket = null;
        }
    }
}
