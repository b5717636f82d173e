package uk.chorus.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection that sends a request and reads the whole response. Load
 * generators share the machine with the service; the JDK's HttpClient spends more CPU per request
 * than the service does, which would measure the client. This spends almost none.
 */
public final class PlainHttpClient implements AutoCloseable {
    private final URI base;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    public record Reply(int status, String headers, String body) {
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    public PlainHttpClient(URI base) {
        this.base = base;
    }

    public Reply get(String path) throws IOException {
        return send("GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAccept: text/html\r\n\r\n",
                new byte[0]);
    }

    public Reply post(String path, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send("POST " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nAccept: */*\r\n"
                + "Content-Type: " + contentType + "\r\nContent-Length: " + bytes.length + "\r\n\r\n", bytes);
    }

    /** Sends a request written out whole (request line and headers, ending in a blank line), then its body. */
    public Reply raw(String head, String body) throws IOException {
        return send(head, body.getBytes(StandardCharsets.UTF_8));
    }

    private Reply send(String head, byte[] body) throws IOException {
        connectIfNeeded();
        try {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connectIfNeeded() throws IOException {
        if (socket == null) {
            Socket connecting = new Socket();
            connecting.setTcpNoDelay(true);
            try {
                connecting.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
                connecting.setSoTimeout(30_000);
                out = connecting.getOutputStream();
                in = new BufferedInputStream(connecting.getInputStream(), 16_384);
            } catch (IOException e) {
                connecting.close();
                throw e;
            }
            socket = connecting;
        }
    }

    private Reply read() throws IOException {
        String statusLine = line();
        StringBuilder headers = new StringBuilder();
        int length = -1;
        boolean chunked = false;
        boolean closeAfter = false;
        for (String line = line(); !line.isEmpty(); line = line()) {
            headers.append(line).append("\r\n");
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closeAfter = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            body.write(in.readNBytes(length));
        }
        if (closeAfter) {
            close();
        }
        return new Reply(Integer.parseInt(statusLine.split(" ")[1]), headers.toString(),
                body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("Connection closed");
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
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
