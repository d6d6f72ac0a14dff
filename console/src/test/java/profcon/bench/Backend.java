package profcon.bench;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;

/**
 * The downstream service {@link ServiceWorkload}'s requests call: answers each 8-byte request on a
 * loopback connection after a fixed delay, one thread per connection. It runs in the benchmark's
 * own process, so the target's I/O is a real blocking socket read, as a service's is, and the
 * delay costs the target nothing but the wait.
 */
final class Backend implements AutoCloseable {
    private final ServerSocket server;
    private final long delayNanos;

    private Backend(ServerSocket server, long delayNanos) {
        this.server = server;
        this.delayNanos = delayNanos;
    }

    static Backend start(int delayMicros) throws IOException {
        Backend b = new Backend(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), delayMicros * 1_000L);
        Thread acceptor = new Thread(b::accept, "backend-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return b;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serve(s), "backend-" + s.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream());
             DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            while (true) {
                long request = in.readLong();
                LockSupport.parkNanos(delayNanos);
                out.writeLong(request ^ 0x5DEECE66DL);
                out.flush();
            }
        } catch (EOFException e) {
            // the target closed the connection or exited
        } catch (IOException e) {
            // the target went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
