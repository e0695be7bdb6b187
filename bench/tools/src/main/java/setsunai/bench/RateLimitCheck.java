package setsunai.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 10's rate-limit scenario against a running service with its limits on (e.g. ./run.sh's gateway): a client
 * at a normal pace (half its read budget) alone, then the same while a second client floods at ten times the
 * budget. Prints both p99s and their ratio (the target: under the flood at most twice the unloaded p99, no error).
 * The two clients are told apart by their source address (127.0.0.2 and 127.0.0.3: Linux answers the whole of
 * 127/8), so no proxy needs to be trusted. The budget is read from the service's RateLimit-Policy header.
 *
 * <pre>java -cp bench/tools/target/bench-tools.jar setsunai.bench.RateLimitCheck &lt;url&gt; [seconds per phase, 30]</pre>
 */
public final class RateLimitCheck {

    private static final Pattern POLICY = Pattern.compile(";q=(\\d+);w=(\\d+)");

    private RateLimitCheck() {
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        InetAddress normal = InetAddress.getByName("127.0.0.2");
        InetAddress flooder = InetAddress.getByName("127.0.0.3");
        Response probe;
        try (Connection c = new Connection(url, normal)) {
            probe = c.get();
        }
        Matcher policy = POLICY.matcher(probe.headers.getOrDefault("ratelimit-policy", ""));
        if (!policy.find()) {
            System.err.println("No RateLimit-Policy header in the answer (" + probe.status + "): are the limits on?");
            System.exit(2);
        }
        double budget = Double.parseDouble(policy.group(1)) / Double.parseDouble(policy.group(2));
        double normalRate = budget / 2;
        double floodRate = budget * 10;
        System.out.printf(Locale.ROOT, "budget %.1f req/s per client; normal client at %.1f req/s, flood at %.1f req/s, %d s per phase%n",
                budget, normalRate, floodRate, seconds);

        Paced alone = new Paced(url, normal, normalRate, 1);
        alone.run(seconds);
        // A fresh window for the normal client, so both phases start from the same budget.
        Thread.sleep(Long.parseLong(policy.group(2)) * 1000);
        Paced flood = new Paced(url, flooder, floodRate, 8);
        Paced loaded = new Paced(url, normal, normalRate, 1);
        Thread floodThread = new Thread(() -> flood.run(seconds + 2));
        floodThread.start();
        Thread.sleep(1000);
        loaded.run(seconds);
        floodThread.join();

        double p99Alone = alone.percentile(0.99);
        double p99Loaded = loaded.percentile(0.99);
        System.out.printf(Locale.ROOT, "normal client alone:      %d requests, p50 %.1f ms, p99 %.1f ms, statuses %s%n",
                alone.latencies.size(), alone.percentile(0.5), p99Alone, alone.statuses);
        System.out.printf(Locale.ROOT, "normal client with flood: %d requests, p50 %.1f ms, p99 %.1f ms, statuses %s%n",
                loaded.latencies.size(), loaded.percentile(0.5), p99Loaded, loaded.statuses);
        System.out.printf(Locale.ROOT, "flood: %d requests, statuses %s%n", flood.latencies.size(), flood.statuses);
        double ratio = p99Loaded / p99Alone;
        boolean errors = loaded.statuses.keySet().stream().anyMatch(s -> s != 200);
        System.out.printf(Locale.ROOT, "ratelimit.p99_ratio=%.2f (target <= 2), normal client errors: %s%n", ratio,
                errors ? "yes" : "none");
        System.exit(ratio <= 2 && !errors ? 0 : 1);
    }

    /** Requests at a fixed rate over a few keep-alive connections; latency counted from when each was due. */
    static final class Paced {
        final URI url;
        final InetAddress from;
        final double rate;
        final int connections;
        final List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

        Paced(URI url, InetAddress from, double rate, int connections) {
            this.url = url;
            this.from = from;
            this.rate = rate;
            this.connections = connections;
        }

        void run(int seconds) {
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long interval = (long) (connections * 1e9 / rate);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                long offset = t * interval / connections;
                Thread thread = new Thread(() -> {
                    Connection c = null;
                    for (long due = start + offset; due < end; due += interval) {
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            sleepNanos(wait);
                        }
                        try {
                            if (c == null || c.closed) {
                                c = new Connection(url, from);
                            }
                            Response r = c.get();
                            latencies.add((System.nanoTime() - due) / 1e6);
                            statuses.computeIfAbsent(r.status, k -> new AtomicLong()).incrementAndGet();
                        } catch (IOException e) {
                            statuses.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                            c = null;
                        }
                    }
                    if (c != null) {
                        c.close();
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        double percentile(double p) {
            List<Double> sorted;
            synchronized (latencies) {
                sorted = new ArrayList<>(latencies);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    record Response(int status, Map<String, String> headers) {
    }

    /** A minimal HTTP/1.1 client on one keep-alive connection from a chosen source address. */
    static final class Connection implements AutoCloseable {
        final URI url;
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        boolean closed;

        Connection(URI url, InetAddress from) throws IOException {
            this.url = url;
            socket = new Socket();
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5000);
            socket.setSoTimeout(10_000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        }

        Response get() throws IOException {
            String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String h = line(); !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            if (headers.containsKey("content-length")) {
                in.readNBytes(Integer.parseInt(headers.get("content-length")));
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    in.readNBytes(size);
                    line();
                }
                line();
            }
            if ("close".equalsIgnoreCase(headers.get("connection"))) {
                close();
            }
            return new Response(status, headers);
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            closed = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static void sleepNanos(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
