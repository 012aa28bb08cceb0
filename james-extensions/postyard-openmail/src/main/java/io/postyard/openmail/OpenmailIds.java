package io.postyard.openmail;

import java.security.SecureRandom;
import java.util.HexFormat;

/** openmail's ids: a type prefix ({@code inb_}, {@code thr_}, {@code msg_}, {@code evt_}) and 96 random bits in hex. */
final class OpenmailIds {
    static final String INBOX = "inb_";
    static final String THREAD = "thr_";
    static final String MESSAGE = "msg_";
    static final String EVENT = "evt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static String thread() {
        return THREAD + randomHex(12);
    }

    static String message() {
        return MESSAGE + randomHex(12);
    }

    static String event() {
        return EVENT + randomHex(12);
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private OpenmailIds() {
    }
}
