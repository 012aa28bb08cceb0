package io.postyard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports below the kernel's ephemeral range (32768 and up): a server's listeners bind port 0 while it starts, and
 * one of them could otherwise be handed a port picked here before the listener meant for it binds it.
 */
public final class FreePorts {
    public static int belowEphemeralRange() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                socket.setReuseAddress(true);
                return candidate;
            } catch (IOException taken) {
                // Try another.
            }
        }
        throw new UncheckedIOException(new IOException("No free port found between 20000 and 32000"));
    }

    private FreePorts() {
    }
}
